package org.hotcell.onnx.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.google.protobuf.CodedOutputStream;
import org.hotcell.core.error.BadModelException;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    private static ModelProto sample() {
        return new ModelBuilder("g").opset(14)
                .input("X", ElementType.FLOAT, -1, 2, 3)
                .input("sequence_lens", ElementType.INT32, 2)
                .initializer("W", Tensor.ofFloats(new int[] {1, 4, 3}, floats(12)))
                .initializer("axes", Tensor.int64Vector(0, -1))
                .initializer("lens", Tensor.ofLongs(ElementType.INT32, new int[] {2}, new long[] {3, -4}))
                .node("rnn", "RNN", List.of("X", "W", "", "", "sequence_lens"), List.of("Y", "Y_h"),
                        Attribute.ofInt("hidden_size", 4), Attribute.ofString("direction", "forward"),
                        Attribute.ofFloat("clip", 2.5f), Attribute.ofFloats("activation_alpha", 0.5f, 1.5f),
                        Attribute.ofInts("ints", 1, -2), Attribute.ofStrings("activations", List.of("Tanh")),
                        Attribute.ofTensor("t", Tensor.ofFloats(new int[] {1}, new float[] {9})))
                .output("Y", ElementType.FLOAT)
                .build();
    }

    private static float[] floats(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = i * 0.25f - 1;
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ModelEncoder.TensorData.class)
    void encodeThenDecodeGivesTheModelBack(ModelEncoder.TensorData data) {
        ModelProto model = sample();
        ModelProto back = ModelDecoder.decode(ModelEncoder.encode(model, data), "sample");
        assertThat(back.onnxOpset()).isEqualTo(14);
        assertThat(back.producerName()).isEqualTo("hotcell");
        Graph g = back.graph();
        assertThat(g.inputs()).extracting(ValueInfo::name).containsExactly("X", "sequence_lens");
        assertThat(g.inputs().get(0).dims()).containsExactly(-1, 2, 3);
        assertThat(g.inputs().get(1).elementType()).isEqualTo(6);
        assertThat(g.outputs().get(0).dims()).isNull();
        assertThat(g.initializers()).extracting(NamedTensor::name).containsExactly("W", "axes", "lens");
        assertThat(g.initializers().get(0).value().shape()).containsExactly(1, 4, 3);
        assertThat(g.initializers().get(0).value().floats()).containsExactly(floats(12));
        assertThat(g.initializers().get(1).value().longs()).containsExactly(0, -1);
        assertThat(g.initializers().get(2).value().type()).isEqualTo(ElementType.INT32);
        assertThat(g.initializers().get(2).value().longs()).containsExactly(3, -4);
        Node node = g.nodes().get(0);
        assertThat(node.inputs()).containsExactly("X", "W", "", "", "sequence_lens");
        assertThat(node.input(2)).isEmpty();
        assertThat(node.attribute("hidden_size").orElseThrow().i()).isEqualTo(4);
        assertThat(node.attribute("direction").orElseThrow().s()).isEqualTo("forward");
        assertThat(node.attribute("clip").orElseThrow().f()).isEqualTo(2.5f);
        assertThat(node.attribute("activation_alpha").orElseThrow().floats()).containsExactly(0.5f, 1.5f);
        assertThat(node.attribute("ints").orElseThrow().ints()).containsExactly(1, -2);
        assertThat(node.attribute("activations").orElseThrow().strings()).containsExactly("Tanh");
        assertThat(node.attribute("t").orElseThrow().t().floats()).containsExactly(9f);
    }

    /** Writes one TensorProto by hand, wrapped as the only initializer of a model. */
    private interface TensorBody {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] modelWithTensor(TensorBody body) throws IOException {
        byte[] tensor = bytes(body);
        byte[] graph = bytes(out -> out.writeByteArray(5, tensor));
        return bytes(out -> {
            out.writeInt64(1, 8);
            out.writeByteArray(7, graph);
        });
    }

    private static byte[] bytes(TensorBody body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void readsUnpackedRepeatedFieldsAndDoubles() throws IOException {
        byte[] floatsUnpacked = modelWithTensor(out -> {
            out.writeInt64(1, 2);
            out.writeInt64(1, 1);
            out.writeInt32(2, 1);
            out.writeString(8, "f");
            out.writeFloat(4, 1.5f);
            out.writeFloat(4, -3f);
        });
        Tensor f = ModelDecoder.decode(floatsUnpacked, "m").graph().initializers().get(0).value();
        assertThat(f.shape()).containsExactly(2, 1);
        assertThat(f.floats()).containsExactly(1.5f, -3f);

        byte[] int64Unpacked = modelWithTensor(out -> {
            out.writeInt64(1, 3);
            out.writeInt32(2, 7);
            out.writeInt64(7, 5);
            out.writeInt64(7, -6);
            out.writeInt64(7, Long.MAX_VALUE);
        });
        assertThat(ModelDecoder.decode(int64Unpacked, "m").graph().initializers().get(0).value().longs())
                .containsExactly(5, -6, Long.MAX_VALUE);

        byte[] doubles = modelWithTensor(out -> {
            out.writeInt64(1, 2);
            out.writeInt32(2, 11);
            out.writeDouble(10, 0.125);
            out.writeDouble(10, -8);
        });
        Tensor d = ModelDecoder.decode(doubles, "m").graph().initializers().get(0).value();
        assertThat(d.type()).isEqualTo(ElementType.FLOAT);
        assertThat(d.floats()).containsExactly(0.125f, -8f);
    }

    @Test
    void externalDataIsAClearError() throws IOException {
        byte[] model = modelWithTensor(out -> {
            out.writeInt64(1, 4);
            out.writeInt32(2, 1);
            out.writeString(8, "W");
            out.writeInt32(14, 1);
        });
        assertThatThrownBy(() -> ModelDecoder.decode(model, "ext.onnx")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("ext.onnx").hasMessageContaining("tensor 'W'").hasMessageContaining("external");
    }

    @Test
    void dimensionsPastTheDataPresentFailBeforeAllocating() throws IOException {
        byte[] model = modelWithTensor(out -> {
            out.writeInt64(1, 1L << 40);
            out.writeInt64(1, 1L << 40);
            out.writeInt32(2, 1);
            out.writeString(8, "W");
            out.writeByteArray(9, new byte[16]);
        });
        assertThatThrownBy(() -> ModelDecoder.decode(model, "huge.onnx")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("tensor 'W'").hasMessageContaining("1099511627776");
        byte[] mismatch = modelWithTensor(out -> {
            out.writeInt64(1, 1000);
            out.writeInt32(2, 1);
            out.writeString(8, "W");
            out.writeByteArray(9, new byte[16]);
        });
        assertThatThrownBy(() -> ModelDecoder.decode(mismatch, "m.onnx")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("tensor 'W'").hasMessageContaining("1000 elements")
                .hasMessageContaining("16 bytes");
    }

    @Test
    void unsupportedElementTypesAreNamed() throws IOException {
        byte[] model = modelWithTensor(out -> {
            out.writeInt64(1, 2);
            out.writeInt32(2, 10);
            out.writeString(8, "half");
            out.writeByteArray(9, new byte[4]);
        });
        assertThatThrownBy(() -> ModelDecoder.decode(model, "m")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("tensor 'half'").hasMessageContaining("FLOAT16");
    }

    @Test
    void truncationAndGarbageFailClearly() {
        byte[] full = ModelEncoder.encode(sample());
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(full, cut);
            try {
                ModelDecoder.decode(part, "cut.onnx");
            } catch (BadModelException e) {
                assertThat(e.getMessage()).contains("cut.onnx");
            }
        }
        assertThatThrownBy(() -> ModelDecoder.decode(new byte[0], "empty.onnx"))
                .isInstanceOf(BadModelException.class).hasMessageContaining("no graph");
        assertThatThrownBy(() -> ModelDecoder.decode("not a model at all".getBytes(), "text.onnx"))
                .isInstanceOf(BadModelException.class).hasMessageContaining("text.onnx");
    }
}
