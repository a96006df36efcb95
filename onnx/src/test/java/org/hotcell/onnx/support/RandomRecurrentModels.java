package org.hotcell.onnx.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;

/**
 * Random single-node LSTM, GRU and RNN models written with the project's {@link ModelBuilder}, with inputs to
 * feed them: directions, activations with their alphas and betas, clip, sequence lengths, initial states,
 * peepholes, input_forget, linear_before_reset, bias or none, layout.
 */
public final class RandomRecurrentModels {

    /** A model and what to feed it. */
    public record Case(String description, byte[] model, Map<String, Tensor> feeds, List<String> outputs) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** Functions whose ONNX Runtime implementation follows the specification for LSTM and GRU. */
    private static final List<String> ORT_FUNCTIONS = List.of("Sigmoid", "Tanh", "Relu", "LeakyRelu",
            "ThresholdedRelu", "HardSigmoid", "Elu", "Softsign", "Affine", "ScaledTanh");
    /** For RNN, ONNX Runtime reads alphas by direction index; only functions without parameters agree. */
    private static final List<String> ORT_RNN_FUNCTIONS = List.of("Sigmoid", "Tanh", "Relu", "Softsign");
    private static final List<String> ALL_FUNCTIONS = List.of("Sigmoid", "Tanh", "Relu", "LeakyRelu",
            "ThresholdedRelu", "HardSigmoid", "Elu", "Softsign", "Softplus", "Affine", "ScaledTanh");

    private RandomRecurrentModels() {
    }

    /**
     * A random case.
     *
     * @param ortSafe keep to what ONNX Runtime implements as specified: layout 0, no Softplus, no RNN alphas,
     *                sequence lengths of at least 1, full alpha and beta lists, no LSTM clip
     */
    public static Case random(long seed, boolean ortSafe) {
        Random rnd = new Random(seed);
        String op = List.of("LSTM", "GRU", "RNN").get(rnd.nextInt(3));
        int gates = op.equals("LSTM") ? 4 : op.equals("GRU") ? 3 : 1;
        int functions = op.equals("LSTM") ? 3 : op.equals("GRU") ? 2 : 1;
        String direction = List.of("forward", "reverse", "bidirectional").get(rnd.nextInt(3));
        int dirs = direction.equals("bidirectional") ? 2 : 1;
        int steps = 1 + rnd.nextInt(6);
        int batch = 1 + rnd.nextInt(3);
        int input = 1 + rnd.nextInt(5);
        int hidden = 1 + rnd.nextInt(6);
        int layout = ortSafe ? 0 : rnd.nextInt(2);
        boolean bias = rnd.nextBoolean();
        boolean lengths = rnd.nextInt(3) == 0;
        boolean initialH = rnd.nextBoolean();
        boolean initialC = op.equals("LSTM") && rnd.nextBoolean();
        boolean peepholes = op.equals("LSTM") && rnd.nextBoolean();

        List<Attribute> attributes = new ArrayList<>();
        attributes.add(Attribute.ofInt("hidden_size", hidden));
        attributes.add(Attribute.ofString("direction", direction));
        if (layout == 1) {
            attributes.add(Attribute.ofInt("layout", 1));
        }
        List<String> pool = !ortSafe ? ALL_FUNCTIONS : op.equals("RNN") ? ORT_RNN_FUNCTIONS : ORT_FUNCTIONS;
        List<String> activations = new ArrayList<>();
        List<Float> alphas = new ArrayList<>();
        List<Float> betas = new ArrayList<>();
        boolean listed = rnd.nextInt(4) != 0;
        for (int k = 0; listed && k < functions * dirs; k++) {
            String name = pool.get(rnd.nextInt(pool.size()));
            activations.add(name);
            switch (name) {
                case "LeakyRelu" -> alphas.add(uniform(rnd, 0.01, 0.5));
                // Non-negative thresholds: the standard activations plugin takes alpha >= 0 only for now;
                // negative ones, valid in ONNX, are in the conformance set.
                case "ThresholdedRelu" -> alphas.add(uniform(rnd, -0.2, 0.6));
                case "Elu" -> alphas.add(uniform(rnd, 0.1, 1.5));
                case "HardSigmoid" -> {
                    alphas.add(uniform(rnd, 0.1, 1.5));
                    betas.add(uniform(rnd, 0.1, 0.9));
                }
                case "Affine" -> {
                    alphas.add(uniform(rnd, 0.5, 1.5));
                    betas.add(uniform(rnd, -0.5, 0.5));
                }
                case "ScaledTanh" -> {
                    alphas.add(uniform(rnd, 0.5, 1.5));
                    betas.add(uniform(rnd, 0.5, 1.5));
                }
                default -> {
                }
            }
        }
        if (!ortSafe && !alphas.isEmpty() && rnd.nextBoolean()) {
            // Short lists: the functions past the end keep their defaults.
            alphas = alphas.subList(0, rnd.nextInt(alphas.size()));
        }
        if (listed) {
            attributes.add(Attribute.ofStrings("activations", activations));
            if (!alphas.isEmpty()) {
                attributes.add(Attribute.ofFloats("activation_alpha", toArray(alphas)));
            }
            if (!betas.isEmpty()) {
                attributes.add(Attribute.ofFloats("activation_beta", toArray(betas)));
            }
        }
        // ONNX Runtime's LSTM does not bound the cell state before h (the specification clips the input of
        // every activation), so with ONNX Runtime as the oracle only GRU and RNN get clip.
        boolean clipAllowed = !ortSafe || !op.equals("LSTM");
        if (clipAllowed && rnd.nextInt(3) == 0) {
            attributes.add(Attribute.ofFloat("clip", uniform(rnd, 0.5, 3)));
        }
        if (op.equals("LSTM") && rnd.nextInt(3) == 0) {
            attributes.add(Attribute.ofInt("input_forget", 1));
        }
        if (op.equals("GRU") && rnd.nextBoolean()) {
            attributes.add(Attribute.ofInt("linear_before_reset", 1));
        }

        ModelBuilder builder = new ModelBuilder("random").opset(rnd.nextBoolean() ? 14 : 22);
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        int[] xShape = layout == 0 ? new int[] {steps, batch, input} : new int[] {batch, steps, input};
        feeds.put("X", random(rnd, 1.0, xShape));
        builder.input("X", ElementType.FLOAT, longs(xShape));
        builder.initializer("W", random(rnd, 0.6, dirs, gates * hidden, input));
        builder.initializer("R", random(rnd, 0.6, dirs, gates * hidden, hidden));
        List<String> inputs = new ArrayList<>(List.of("X", "W", "R", "", "", "", "", ""));
        if (bias) {
            builder.initializer("B", random(rnd, 0.5, dirs, 2 * gates * hidden));
            inputs.set(3, "B");
        }
        if (lengths) {
            long[] lens = new long[batch];
            for (int n = 0; n < batch; n++) {
                lens[n] = ortSafe ? 1 + rnd.nextInt(steps) : rnd.nextInt(steps + 1);
            }
            feeds.put("sequence_lens", Tensor.ofLongs(ElementType.INT32, new int[] {batch}, lens));
            builder.input("sequence_lens", ElementType.INT32, batch);
            inputs.set(4, "sequence_lens");
        }
        int[] stateShape = layout == 0 ? new int[] {dirs, batch, hidden} : new int[] {batch, dirs, hidden};
        if (initialH) {
            feeds.put("initial_h", random(rnd, 0.8, stateShape));
            builder.input("initial_h", ElementType.FLOAT, longs(stateShape));
            inputs.set(5, "initial_h");
        }
        if (initialC) {
            feeds.put("initial_c", random(rnd, 0.8, stateShape));
            builder.input("initial_c", ElementType.FLOAT, longs(stateShape));
            inputs.set(6, "initial_c");
        }
        if (peepholes) {
            builder.initializer("P", random(rnd, 0.5, dirs, 3 * hidden));
            inputs.set(7, "P");
        }
        while (inputs.get(inputs.size() - 1).isEmpty()) {
            inputs.remove(inputs.size() - 1);
        }
        List<String> outputs = new ArrayList<>(List.of("Y", "Y_h"));
        if (op.equals("LSTM")) {
            outputs.add("Y_c");
        }
        builder.node("rnn_node", op, inputs, outputs, attributes.toArray(Attribute[]::new));
        outputs.forEach(o -> builder.output(o, ElementType.FLOAT));
        String description = "seed " + seed + ": " + op + " " + direction + " T=" + steps + " N=" + batch + " I="
                + input + " H=" + hidden + " layout=" + layout + (listed ? " " + activations : "")
                + " alphas=" + alphas.size() + " betas=" + betas.size() + (bias ? " bias" : "")
                + (lengths ? " lens" : "") + (initialH ? " h0" : "") + (initialC ? " c0" : "")
                + (peepholes ? " P" : "") + " " + attributes.stream().map(Attribute::name)
                .filter(n -> List.of("clip", "input_forget", "linear_before_reset").contains(n)).toList();
        return new Case(description, builder.bytes(), feeds, outputs);
    }

    private static float uniform(Random rnd, double low, double high) {
        return (float) (low + (high - low) * rnd.nextDouble());
    }

    private static Tensor random(Random rnd, double scale, int... shape) {
        int count = 1;
        for (int d : shape) {
            count *= d;
        }
        float[] data = new float[count];
        for (int i = 0; i < count; i++) {
            data[i] = (float) (scale * (2 * rnd.nextDouble() - 1));
        }
        return Tensor.ofFloats(shape, data);
    }

    private static long[] longs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
