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
 * Random graphs shaped like exporters' output: two stacked recurrent layers joined the way PyTorch's exporter
 * joins them (Split of a stacked initial state, Transpose and Reshape between layers, Concat of final states),
 * or a Keras layer the way tf2onnx writes it (batch-major input transposed in and out, Squeeze of the
 * direction axis, Gather and Unsqueeze of the state).
 */
public final class RandomChains {
    private RandomChains() {
    }

    /** A chain for this seed; even seeds PyTorch-style, odd seeds tf2onnx-style. */
    public static RandomRecurrentModels.Case random(long seed) {
        return seed % 2 == 0 ? pytorch(seed) : tf2onnx(seed);
    }

    private static final List<String> OPS = List.of("LSTM", "GRU", "RNN");

    private static int gates(String op) {
        return op.equals("LSTM") ? 4 : op.equals("GRU") ? 3 : 1;
    }

    private static RandomRecurrentModels.Case pytorch(long seed) {
        Random rnd = new Random(seed);
        String op = OPS.get(rnd.nextInt(3));
        boolean bidirectional = rnd.nextBoolean();
        int dirs = bidirectional ? 2 : 1;
        int steps = 1 + rnd.nextInt(5);
        int batch = 1 + rnd.nextInt(3);
        int input = 1 + rnd.nextInt(4);
        int hidden = 1 + rnd.nextInt(4);
        int g = gates(op);
        ModelBuilder b = new ModelBuilder("pytorch").opset(rnd.nextBoolean() ? 13 : 17)
                .input("input", ElementType.FLOAT, steps, batch, input)
                .input("h0", ElementType.FLOAT, 2 * dirs, batch, hidden);
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        feeds.put("input", RandomTensors.of(rnd, steps, batch, input));
        feeds.put("h0", RandomTensors.of(rnd, 2 * dirs, batch, hidden));
        b.initializer("split", Tensor.int64Vector(dirs, dirs));
        b.node("split_h0", "Split", List.of("h0", "split"), List.of("h0_l0", "h0_l1"), Attribute.ofInt("axis", 0));
        String direction = bidirectional ? "bidirectional" : "forward";
        String layerInput = "input";
        int layerInputSize = input;
        for (int layer = 0; layer < 2; layer++) {
            String w = "W" + layer;
            b.initializer(w, RandomTensors.of(rnd, dirs, g * hidden, layerInputSize));
            b.initializer("R" + layer, RandomTensors.of(rnd, dirs, g * hidden, hidden));
            b.initializer("B" + layer, RandomTensors.of(rnd, dirs, 2 * g * hidden));
            List<String> outputs = new ArrayList<>(List.of("Y" + layer, "Yh" + layer));
            b.node("rnn" + layer, op, List.of(layerInput, w, "R" + layer, "B" + layer, "", "h0_l" + layer), outputs,
                    Attribute.ofString("direction", direction), Attribute.ofInt("hidden_size", hidden));
            b.node("t" + layer, "Transpose", List.of("Y" + layer), List.of("Yt" + layer),
                    Attribute.ofInts("perm", 0, 2, 1, 3));
            b.initializer("shape" + layer, Tensor.int64Vector(0, 0, -1));
            b.node("r" + layer, "Reshape", List.of("Yt" + layer, "shape" + layer), List.of("Z" + layer));
            layerInput = "Z" + layer;
            layerInputSize = dirs * hidden;
        }
        b.node("hn", "Concat", List.of("Yh0", "Yh1"), List.of("hn"), Attribute.ofInt("axis", 0));
        b.output("Z1", ElementType.FLOAT).output("hn", ElementType.FLOAT);
        return new RandomRecurrentModels.Case("pytorch-style seed " + seed + ": 2 x " + op + " " + direction + " T="
                + steps + " N=" + batch + " I=" + input + " H=" + hidden, b.bytes(), feeds, List.of("Z1", "hn"));
    }

    private static RandomRecurrentModels.Case tf2onnx(long seed) {
        Random rnd = new Random(seed);
        String op = OPS.get(rnd.nextInt(3));
        int steps = 1 + rnd.nextInt(5);
        int batch = 1 + rnd.nextInt(3);
        int input = 1 + rnd.nextInt(4);
        int hidden = 1 + rnd.nextInt(4);
        int g = gates(op);
        boolean reverse = rnd.nextBoolean();
        // Opset 9: Squeeze and Slice take their axes and bounds as attributes, as older tf2onnx output does.
        ModelBuilder b = new ModelBuilder("tf2onnx").opset(9)
                .input("x", ElementType.FLOAT, batch, steps, input);
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        feeds.put("x", RandomTensors.of(rnd, batch, steps, input));
        b.initializer("W", RandomTensors.of(rnd, 1, g * hidden, input))
                .initializer("R", RandomTensors.of(rnd, 1, g * hidden, hidden))
                .initializer("B", RandomTensors.of(rnd, 1, 2 * g * hidden));
        b.node("in_t", "Transpose", List.of("x"), List.of("xt"), Attribute.ofInts("perm", 1, 0, 2));
        b.node("rnn", op, List.of("xt", "W", "R", "B"), List.of("Y", "Y_h"),
                Attribute.ofString("direction", reverse ? "reverse" : "forward"), Attribute.ofInt("hidden_size", hidden));
        b.node("sq", "Squeeze", List.of("Y"), List.of("Ys"), Attribute.ofInts("axes", 1));
        b.node("out_t", "Transpose", List.of("Ys"), List.of("seq"), Attribute.ofInts("perm", 1, 0, 2));
        b.initializer("zero", Tensor.ofLongs(ElementType.INT64, new int[0], new long[] {0}));
        b.node("state", "Gather", List.of("Y_h", "zero"), List.of("h"), Attribute.ofInt("axis", 0));
        b.node("last_step", "Slice", List.of("seq"), List.of("last"), Attribute.ofInts("starts", -1),
                Attribute.ofInts("ends", Long.MAX_VALUE), Attribute.ofInts("axes", 1));
        b.output("seq", ElementType.FLOAT).output("h", ElementType.FLOAT).output("last", ElementType.FLOAT);
        return new RandomRecurrentModels.Case("tf2onnx-style seed " + seed + ": " + op + (reverse ? " reverse" : "")
                + " T=" + steps + " N=" + batch + " I=" + input + " H=" + hidden, b.bytes(), feeds,
                List.of("seq", "h", "last"));
    }
}
