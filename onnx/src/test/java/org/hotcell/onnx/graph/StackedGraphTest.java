package org.hotcell.onnx.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;
import org.hotcell.onnx.support.Close;
import org.hotcell.onnx.support.RandomTensors;
import org.junit.jupiter.api.Test;

/**
 * Chains of recurrent nodes joined the way exporters join them, checked against the same nodes run one at a
 * time with the glue between them done by hand in the test.
 */
class StackedGraphTest {
    private static final Registry REGISTRY = PluginRegistry.discover();
    private static final int T = 5;
    private static final int N = 3;
    private static final int I = 4;
    private static final int H = 3;
    private static final int H2 = 2;

    private static Map<String, Tensor> runSingle(String op, Tensor x, Tensor w, Tensor r, Tensor b, Tensor h0,
                                                 String direction, List<String> outputs) {
        ModelBuilder builder = new ModelBuilder("one").input("X", ElementType.FLOAT, x.dim(0), x.dim(1), x.dim(2))
                .initializer("W", w).initializer("R", r).initializer("B", b);
        Map<String, Tensor> feeds = new java.util.HashMap<>(Map.of("X", x));
        List<String> inputs = List.of("X", "W", "R", "B");
        if (h0 != null) {
            builder.input("h0", ElementType.FLOAT, h0.dim(0), h0.dim(1), h0.dim(2));
            feeds.put("h0", h0);
            inputs = List.of("X", "W", "R", "B", "", "h0");
        }
        builder.node("n", op, inputs, outputs, Attribute.ofString("direction", direction),
                Attribute.ofInt("hidden_size", r.dim(2)));
        outputs.forEach(o -> builder.output(o, ElementType.FLOAT));
        return OnnxModel.read(builder.bytes(), op).run(feeds, REGISTRY);
    }

    @Test
    void pytorchStyleStackOfBidirectionalLstmAndGru() {
        Random rnd = new Random(42);
        Tensor x = RandomTensors.of(rnd, T, N, I);
        Tensor w0 = RandomTensors.of(rnd, 2, 4 * H, I);
        Tensor r0 = RandomTensors.of(rnd, 2, 4 * H, H);
        Tensor b0 = RandomTensors.of(rnd, 2, 8 * H);
        Tensor w1 = RandomTensors.of(rnd, 1, 3 * H2, 2 * H);
        Tensor r1 = RandomTensors.of(rnd, 1, 3 * H2, H2);
        Tensor b1 = RandomTensors.of(rnd, 1, 6 * H2);
        Tensor h0All = RandomTensors.of(rnd, 3, N, H);

        ModelBuilder chain = new ModelBuilder("stack").opset(17)
                .input("X", ElementType.FLOAT, T, N, I).input("h0_all", ElementType.FLOAT, 3, N, H)
                .initializer("W0", w0).initializer("R0", r0).initializer("B0", b0)
                .initializer("W1", w1).initializer("R1", r1).initializer("B1", b1)
                .initializer("starts", Tensor.int64Vector(0)).initializer("ends", Tensor.int64Vector(2))
                .initializer("axes0", Tensor.int64Vector(0)).initializer("axes1", Tensor.int64Vector(1))
                .initializer("shape", Tensor.int64Vector(0, 0, -1))
                .initializer("one", Tensor.ofLongs(ElementType.INT64, new int[0], new long[] {1}));
        chain.node("slice_h0", "Slice", List.of("h0_all", "starts", "ends", "axes0"), List.of("h0"));
        chain.node("lstm0", "LSTM", List.of("X", "W0", "R0", "B0", "", "h0"), List.of("Y0", "Yh0"),
                Attribute.ofString("direction", "bidirectional"), Attribute.ofInt("hidden_size", H));
        chain.node("t0", "Transpose", List.of("Y0"), List.of("Y0t"), Attribute.ofInts("perm", 0, 2, 1, 3));
        chain.node("r0", "Reshape", List.of("Y0t", "shape"), List.of("Z"));
        chain.node("gru1", "GRU", List.of("Z", "W1", "R1", "B1"), List.of("Y1", ""),
                Attribute.ofInt("hidden_size", H2));
        chain.node("sq", "Squeeze", List.of("Y1", "axes1"), List.of("Y1s"));
        chain.node("t1", "Transpose", List.of("Y1s"), List.of("out"), Attribute.ofInts("perm", 1, 0, 2));
        chain.node("g", "Gather", List.of("Yh0", "one"), List.of("last_reverse"), Attribute.ofInt("axis", 0));
        chain.node("c", "Concat", List.of("Yh0", "Yh0"), List.of("both"), Attribute.ofInt("axis", 2));
        chain.output("out", ElementType.FLOAT).output("last_reverse", ElementType.FLOAT)
                .output("both", ElementType.FLOAT);
        Map<String, Tensor> got = OnnxModel.read(chain.bytes(), "stack").run(Map.of("X", x, "h0_all", h0All),
                REGISTRY);

        // By hand: h0 = h0_all[0:2]; layer 0; [T,2,N,H] -> [T,N,2H]; layer 1; [T,1,N,H2] -> [N,T,H2].
        float[] h0 = java.util.Arrays.copyOf(h0All.floats(), 2 * N * H);
        Map<String, Tensor> first = runSingle("LSTM", x, w0, r0, b0, Tensor.ofFloats(new int[] {2, N, H}, h0),
                "bidirectional", List.of("Y", "Y_h"));
        float[] y0 = first.get("Y").floats();
        float[] z = new float[T * N * 2 * H];
        for (int t = 0; t < T; t++) {
            for (int d = 0; d < 2; d++) {
                for (int n = 0; n < N; n++) {
                    for (int h = 0; h < H; h++) {
                        z[(t * N + n) * 2 * H + d * H + h] = y0[((t * 2 + d) * N + n) * H + h];
                    }
                }
            }
        }
        Map<String, Tensor> second = runSingle("GRU", Tensor.ofFloats(new int[] {T, N, 2 * H}, z), w1, r1, b1, null,
                "forward", List.of("Y"));
        float[] y1 = second.get("Y").floats();
        float[] out = new float[N * T * H2];
        for (int t = 0; t < T; t++) {
            for (int n = 0; n < N; n++) {
                for (int h = 0; h < H2; h++) {
                    out[(n * T + t) * H2 + h] = y1[(t * N + n) * H2 + h];
                }
            }
        }
        Close.assertClose("out", got.get("out"), Tensor.ofFloats(new int[] {N, T, H2}, out), 1e-6);
        float[] yh0 = first.get("Y_h").floats();
        Close.assertClose("last_reverse", got.get("last_reverse"),
                Tensor.ofFloats(new int[] {N, H}, java.util.Arrays.copyOfRange(yh0, N * H, 2 * N * H)), 1e-6);
        assertThat(got.get("both").shape()).containsExactly(2, N, 2 * H);
        assertThat(got.get("both").floats()[H]).isEqualTo(yh0[0]);
    }
}
