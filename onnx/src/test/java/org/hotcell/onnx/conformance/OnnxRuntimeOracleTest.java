package org.hotcell.onnx.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;
import org.hotcell.onnx.support.Close;
import org.hotcell.onnx.support.RandomChains;
import org.hotcell.onnx.support.RandomRecurrentModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ONNX Runtime as a second, live oracle: random single-node LSTM, GRU and RNN models written by the project's
 * own writer run through both, restricted to what ONNX Runtime implements as the specification says (layout 0,
 * no Softplus, no parameterised RNN functions, lengths of at least 1; see the conformance README), and without
 * clip on LSTM: ONNX Runtime applies h to the unclipped cell state, where the specification clips the input of
 * every activation (seen here as disagreements only when |C| exceeded clip).
 */
class OnnxRuntimeOracleTest {
    private static final double TOLERANCE = 1e-4;
    private static final int CASES = 240;
    private static final int CHAINS = 40;
    private static final AtomicInteger OUTPUTS_COMPARED = new AtomicInteger();
    private static OrtEnvironment env;
    private static Registry registry;

    @BeforeAll
    static void start() {
        env = OrtEnvironment.getEnvironment();
        registry = PluginRegistry.discover();
    }

    @AfterAll
    static void report() {
        System.out.println("ONNX Runtime oracle: " + OUTPUTS_COMPARED.get() + " outputs compared over " + CASES
                + " random single-node models and " + CHAINS + " exporter-shaped chains");
    }

    static LongStream seeds() {
        return LongStream.range(1000, 1000 + CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hotcellAgreesWithOnnxRuntime(long seed) throws OrtException {
        RandomRecurrentModels.Case c = RandomRecurrentModels.random(seed, true);
        Map<String, Tensor> ours = OnnxModel.read(c.model(), c.description()).run(c.feeds(), registry);
        Map<String, Tensor> theirs = runOrt(c);
        for (String output : c.outputs()) {
            assertThat(ours).as(c.description()).containsKey(output);
            Close.assertClose(c.description() + " output " + output, ours.get(output), theirs.get(output), TOLERANCE);
            OUTPUTS_COMPARED.incrementAndGet();
        }
    }

    static LongStream chainSeeds() {
        return LongStream.range(0, CHAINS);
    }

    @ParameterizedTest(name = "chain seed {0}")
    @MethodSource("chainSeeds")
    void exporterShapedChainsAgreeWithOnnxRuntime(long seed) throws OrtException {
        RandomRecurrentModels.Case c = RandomChains.random(seed);
        Map<String, Tensor> ours = OnnxModel.read(c.model(), c.description()).run(c.feeds(), registry);
        Map<String, Tensor> theirs = runOrt(c);
        for (String output : c.outputs()) {
            Close.assertClose(c.description() + " output " + output, ours.get(output), theirs.get(output), TOLERANCE);
            OUTPUTS_COMPARED.incrementAndGet();
        }
    }

    /**
     * Why LSTM clip is left out above, pinned on one step: with clip 0.5, i = o = f = sigmoid(0) = 0.5 and the
     * candidate Affine(4, 0) of clip(2) = 2, the cell state is C = 0.5 * 2 = 1. The specification clips the input
     * of h too, so Y = o * tanh(clip(C)) = 0.5 * tanh(0.5); ONNX Runtime 1.23 gives 0.5 * tanh(1).
     */
    @org.junit.jupiter.api.Test
    void onnxRuntimeDoesNotClipTheCellStateBeforeH() throws OrtException {
        byte[] model = new ModelBuilder("clip").opset(14).input("X", ElementType.FLOAT, 1, 1, 1)
                .initializer("W", Tensor.ofFloats(new int[] {1, 4, 1}, new float[] {0, 0, 0, 2}))
                .initializer("R", Tensor.ofFloats(new int[] {1, 4, 1}, new float[4]))
                .node("lstm", "LSTM", List.of("X", "W", "R"), List.of("Y"), Attribute.ofInt("hidden_size", 1),
                        Attribute.ofFloat("clip", 0.5f),
                        Attribute.ofStrings("activations", List.of("Sigmoid", "Affine", "Tanh")),
                        Attribute.ofFloats("activation_alpha", 4f), Attribute.ofFloats("activation_beta", 0f))
                .output("Y", ElementType.FLOAT).bytes();
        Map<String, Tensor> feeds = Map.of("X", Tensor.ofFloats(new int[] {1, 1, 1}, new float[] {1}));
        RandomRecurrentModels.Case c = new RandomRecurrentModels.Case("clip", model, feeds, List.of("Y"));
        float ours = OnnxModel.read(model, "clip").run(feeds, registry).get("Y").floats()[0];
        float theirs = runOrt(c).get("Y").floats()[0];
        assertThat((double) ours).isCloseTo(0.5 * Math.tanh(0.5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat((double) theirs).isCloseTo(0.5 * Math.tanh(1.0), org.assertj.core.data.Offset.offset(1e-6));
    }

    private static Map<String, Tensor> runOrt(RandomRecurrentModels.Case c) throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(c.model(), options)) {
            for (Map.Entry<String, Tensor> feed : c.feeds().entrySet()) {
                Tensor t = feed.getValue();
                long[] shape = java.util.Arrays.stream(t.shape()).asLongStream().toArray();
                if (t.type() == ElementType.FLOAT) {
                    inputs.put(feed.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), shape));
                } else {
                    int[] ints = java.util.Arrays.stream(t.longs()).mapToInt(v -> (int) v).toArray();
                    inputs.put(feed.getKey(), OnnxTensor.createTensor(env, IntBuffer.wrap(ints), shape));
                }
            }
            Map<String, Tensor> out = new HashMap<>();
            try (OrtSession.Result result = session.run(inputs)) {
                for (String name : c.outputs()) {
                    OnnxValue value = result.get(name).orElseThrow();
                    OnnxTensor tensor = (OnnxTensor) value;
                    int[] shape = java.util.Arrays.stream(tensor.getInfo().getShape()).mapToInt(d -> (int) d).toArray();
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    float[] data = new float[buffer.remaining()];
                    buffer.get(data);
                    out.put(name, Tensor.ofFloats(shape, data));
                }
            }
            return out;
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
