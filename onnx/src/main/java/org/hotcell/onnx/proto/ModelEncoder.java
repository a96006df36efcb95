package org.hotcell.onnx.proto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.google.protobuf.CodedOutputStream;

import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;

/**
 * Encodes a {@link ModelProto} as the bytes of an .onnx file, with the field numbers of the ONNX specification: the
 * inverse of {@link ModelDecoder} for everything that record holds.
 */
public final class ModelEncoder {

    /** How tensor data is written. */
    public enum TensorData {
        /** Little-endian bytes in {@code raw_data}, as most exporters write. */
        RAW,
        /** The typed repeated fields ({@code float_data}, {@code int32_data}, {@code int64_data}), packed. */
        TYPED
    }

    private final TensorData tensorData;

    private ModelEncoder(TensorData tensorData) {
        this.tensorData = tensorData;
    }

    /** Encodes with tensor data in {@code raw_data}. */
    public static byte[] encode(ModelProto model) {
        return encode(model, TensorData.RAW);
    }

    /** Encodes with tensor data written as chosen. */
    public static byte[] encode(ModelProto model, TensorData tensorData) {
        return new ModelEncoder(tensorData).model(model);
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private byte[] model(ModelProto model) {
        return message(out -> {
            out.writeInt64(1, model.irVersion());
            if (!model.producerName().isEmpty()) {
                out.writeString(2, model.producerName());
            }
            out.writeByteArray(7, graph(model.graph()));
            for (ModelProto.OpsetId opset : model.opsets()) {
                out.writeByteArray(8, message(o -> {
                    if (!opset.domain().isEmpty()) {
                        o.writeString(1, opset.domain());
                    }
                    o.writeInt64(2, opset.version());
                }));
            }
        });
    }

    private byte[] graph(Graph graph) {
        return message(out -> {
            for (Node node : graph.nodes()) {
                out.writeByteArray(1, node(node));
            }
            out.writeString(2, graph.name());
            for (NamedTensor initializer : graph.initializers()) {
                out.writeByteArray(5, tensor(initializer.name(), initializer.value()));
            }
            for (ValueInfo input : graph.inputs()) {
                out.writeByteArray(11, valueInfo(input));
            }
            for (ValueInfo output : graph.outputs()) {
                out.writeByteArray(12, valueInfo(output));
            }
        });
    }

    private byte[] node(Node node) {
        return message(out -> {
            for (String input : node.inputs()) {
                out.writeString(1, input);
            }
            for (String output : node.outputs()) {
                out.writeString(2, output);
            }
            if (!node.name().isEmpty()) {
                out.writeString(3, node.name());
            }
            out.writeString(4, node.opType());
            for (Attribute attribute : node.attributes()) {
                out.writeByteArray(5, attribute(attribute));
            }
            if (!node.domain().isEmpty()) {
                out.writeString(7, node.domain());
            }
        });
    }

    private byte[] attribute(Attribute attribute) {
        return message(out -> {
            out.writeString(1, attribute.name());
            switch (attribute.type()) {
                case FLOAT -> out.writeFloat(2, attribute.f());
                case INT -> out.writeInt64(3, attribute.i());
                case STRING -> out.writeString(4, attribute.s());
                case TENSOR -> out.writeByteArray(5, tensor("", attribute.t()));
                case FLOATS -> {
                    for (float value : attribute.floats()) {
                        out.writeFloat(7, value);
                    }
                }
                case INTS -> {
                    for (long value : attribute.ints()) {
                        out.writeInt64(8, value);
                    }
                }
                case STRINGS -> {
                    for (String value : attribute.strings()) {
                        out.writeString(9, value);
                    }
                }
                default -> throw new IllegalArgumentException("cannot encode attribute '" + attribute.name()
                        + "' of type " + attribute.type());
            }
            out.writeEnum(20, attribute.type().code());
        });
    }

    private byte[] tensor(String name, Tensor tensor) {
        return message(out -> {
            for (int dim : tensor.shape()) {
                out.writeInt64(1, dim);
            }
            out.writeInt32(2, tensor.type().onnxCode());
            if (!name.isEmpty()) {
                out.writeString(8, name);
            }
            if (tensorData == TensorData.RAW) {
                ByteBuffer raw = ByteBuffer.allocate(tensor.size() * tensor.type().bytes())
                        .order(ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k < tensor.size(); k++) {
                    switch (tensor.type()) {
                        case FLOAT -> raw.putFloat(tensor.floats()[k]);
                        case INT32 -> raw.putInt((int) tensor.longs()[k]);
                        case INT64 -> raw.putLong(tensor.longs()[k]);
                    }
                }
                out.writeByteArray(9, raw.array());
            } else if (tensor.size() > 0) {
                int field = tensor.type() == ElementType.FLOAT ? 4 : tensor.type() == ElementType.INT32 ? 5 : 7;
                out.writeByteArray(field, message(packed -> {
                    for (int k = 0; k < tensor.size(); k++) {
                        switch (tensor.type()) {
                            case FLOAT -> packed.writeFloatNoTag(tensor.floats()[k]);
                            case INT32 -> packed.writeInt32NoTag((int) tensor.longs()[k]);
                            case INT64 -> packed.writeInt64NoTag(tensor.longs()[k]);
                        }
                    }
                }));
            }
        });
    }

    private byte[] valueInfo(ValueInfo info) {
        return message(out -> {
            out.writeString(1, info.name());
            out.writeByteArray(2, message(type -> type.writeByteArray(1, message(tensorType -> {
                tensorType.writeInt32(1, info.elementType());
                if (info.dims() != null) {
                    tensorType.writeByteArray(2, message(shape -> {
                        for (long dim : info.dims()) {
                            shape.writeByteArray(1, message(d -> {
                                if (dim >= 0) {
                                    d.writeInt64(1, dim);
                                } else {
                                    d.writeString(2, "dynamic");
                                }
                            }));
                        }
                    }));
                }
            }))));
        });
    }
}
