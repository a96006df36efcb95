package org.hotcell.onnx.recurrent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.CodedOutputStream;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;
import org.junit.jupiter.api.Test;

/** Bad recurrent nodes and feeds: each error names the node, the tensor or attribute and the values. */
class RecurrentInputErrorsTest {
    private static final Registry REGISTRY = PluginRegistry.discover();

    /** An LSTM with I = 3, H = 2, forward; W and R as given shapes; X fed with the given shape. */
    private static void run(int[] wShape, int[] rShape, int[] xShape, Tensor lengths, List<String> inputs,
                            Attribute... attributes) {
        ModelBuilder builder = new ModelBuilder("bad").input("X", ElementType.FLOAT, -1, -1, -1)
                .initializer("W", zeros(wShape)).initializer("R", zeros(rShape));
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        feeds.put("X", zeros(xShape));
        if (lengths != null) {
            builder.input("sequence_lens", ElementType.INT32, lengths.dim(0));
            feeds.put("sequence_lens", lengths);
        }
        builder.node("lstm_1", "LSTM", inputs, List.of("Y", "Y_h"), attributes)
                .output("Y", ElementType.FLOAT).output("Y_h", ElementType.FLOAT);
        OnnxModel.read(builder.bytes(), "bad.onnx").run(feeds, REGISTRY);
    }

    private static Tensor zeros(int... shape) {
        return Tensor.ofFloats(shape, new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)]);
    }

    private static final int[] W = {1, 8, 3};
    private static final int[] R = {1, 8, 2};
    private static final int[] X = {4, 2, 3};
    private static final List<String> XWR = List.of("X", "W", "R");

    @Test
    void hiddenSizeThatDisagreesWithTheWeights() {
        assertThatThrownBy(() -> run(W, R, X, null, XWR, Attribute.ofInt("hidden_size", 5)))
                .isInstanceOf(BadModelException.class).hasMessageContaining("node 'lstm_1' (LSTM)")
                .hasMessageContaining("'hidden_size' is 5").hasMessageContaining("hidden size 2");
        assertThatThrownBy(() -> run(new int[] {1, 12, 3}, R, X, null, XWR))
                .isInstanceOf(BadModelException.class).hasMessageContaining("input W ('W') has shape [1, 12, 3]")
                .hasMessageContaining("expected [1, 8, 3]");
    }

    @Test
    void inputWidthThatDisagreesWithW() {
        assertThatThrownBy(() -> run(W, R, new int[] {4, 2, 5}, null, XWR))
                .isInstanceOf(BadModelException.class).hasMessageContaining("node 'lstm_1' (LSTM)")
                .hasMessageContaining("W ('W') has shape [1, 8, 3], expected [1, 8, 5]");
    }

    @Test
    void sequenceLengthsOutsideZeroToT() {
        Tensor tooLong = Tensor.ofLongs(ElementType.INT32, new int[] {2}, new long[] {2, 9});
        assertThatThrownBy(() -> run(W, R, X, tooLong, List.of("X", "W", "R", "", "sequence_lens")))
                .isInstanceOf(BadModelException.class).hasMessageContaining("sequence_lens[1] is 9")
                .hasMessageContaining("[0, 4]");
        Tensor negative = Tensor.ofLongs(ElementType.INT32, new int[] {2}, new long[] {-1, 2});
        assertThatThrownBy(() -> run(W, R, X, negative, List.of("X", "W", "R", "", "sequence_lens")))
                .isInstanceOf(BadModelException.class).hasMessageContaining("sequence_lens[0] is -1");
        Tensor wrongBatch = Tensor.ofLongs(ElementType.INT32, new int[] {3}, new long[] {1, 1, 1});
        assertThatThrownBy(() -> run(W, R, X, wrongBatch, List.of("X", "W", "R", "", "sequence_lens")))
                .isInstanceOf(BadModelException.class).hasMessageContaining("batch size [2]");
    }

    @Test
    void missingRequiredInputs() {
        assertThatThrownBy(() -> run(W, R, X, null, List.of("X", "", "R")))
                .isInstanceOf(BadModelException.class).hasMessageContaining("node 'lstm_1' (LSTM)")
                .hasMessageContaining("required input W (#1) is missing");
        assertThatThrownBy(() -> run(W, R, X, null, List.of("X", "W")))
                .isInstanceOf(BadModelException.class).hasMessageContaining("required input R (#2) is missing");
    }

    @Test
    void unknownActivationIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> run(W, R, X, null, XWR,
                Attribute.ofStrings("activations", List.of("Sigmoid", "Tanhh", "Tanh"))))
                .isInstanceOf(BadModelException.class).hasMessageContaining("node 'lstm_1' (LSTM)")
                .hasMessageContaining("'Tanhh'").hasMessageContaining("tanh");
        assertThatThrownBy(() -> run(W, R, X, null, XWR,
                Attribute.ofStrings("activations", List.of("Sigmoid", "Tanh"))))
                .isInstanceOf(BadModelException.class).hasMessageContaining("lists 2 functions")
                .hasMessageContaining("needs 3");
    }

    @Test
    void badAttributes() {
        assertThatThrownBy(() -> run(W, R, X, null, XWR, Attribute.ofString("direction", "sideways")))
                .isInstanceOf(BadModelException.class).hasMessageContaining("'sideways'")
                .hasMessageContaining("forward, reverse, bidirectional");
        assertThatThrownBy(() -> run(W, R, X, null, XWR, Attribute.ofInt("layout", 2)))
                .isInstanceOf(BadModelException.class).hasMessageContaining("'layout' is 2");
        assertThatThrownBy(() -> run(W, R, X, null, XWR, Attribute.ofFloat("clip", -1)))
                .isInstanceOf(BadModelException.class).hasMessageContaining("'clip' is -1.0");
        assertThatThrownBy(() -> run(W, R, X, null, XWR, Attribute.ofInt("linear_before_reset", 1)))
                .isInstanceOf(BadModelException.class).hasMessageContaining("unknown attribute 'linear_before_reset'");
        assertThatThrownBy(() -> run(W, R, X, null, XWR, Attribute.ofString("hidden_size", "two")))
                .isInstanceOf(BadModelException.class).hasMessageContaining("'hidden_size' is of type STRING");
    }

    @Test
    void absurdDimensionsInAWeightTensorFailBeforeAllocation() throws IOException {
        // A one-node model written field by field: W claims [1, 2^20, 2^20] floats but carries 96 bytes.
        byte[] w = message(out -> {
            for (long d : new long[] {1, 1 << 20, 1 << 20}) {
                out.writeInt64(1, d);
            }
            out.writeInt32(2, 1);
            out.writeString(8, "W");
            out.writeByteArray(9, new byte[96]);
        });
        byte[] node = message(out -> {
            for (String input : XWR) {
                out.writeString(1, input);
            }
            out.writeString(2, "Y");
            out.writeString(3, "lstm_1");
            out.writeString(4, "LSTM");
        });
        byte[] graph = message(out -> {
            out.writeByteArray(1, node);
            out.writeByteArray(5, w);
        });
        byte[] model = message(out -> {
            out.writeInt64(1, 8);
            out.writeByteArray(7, graph);
        });
        assertThatThrownBy(() -> OnnxModel.read(model, "huge.onnx")).isInstanceOf(HotcellException.class)
                .hasMessageContaining("huge.onnx").hasMessageContaining("tensor 'W'")
                .hasMessageContaining("1048576");
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
