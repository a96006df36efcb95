package org.hotcell.onnx.proto;

/** ONNX {@code AttributeProto.AttributeType}: which field of an attribute holds its value. */
public enum AttributeType {
    UNDEFINED(0), FLOAT(1), INT(2), STRING(3), TENSOR(4), GRAPH(5), FLOATS(6), INTS(7), STRINGS(8), TENSORS(9),
    GRAPHS(10), SPARSE_TENSOR(11), SPARSE_TENSORS(12), TYPE_PROTO(13), TYPE_PROTOS(14);

    private final int code;

    AttributeType(int code) {
        this.code = code;
    }

    /** The enum value in the protobuf encoding. */
    public int code() {
        return code;
    }

    /** The type with this code, or UNDEFINED for a code this schema does not know. */
    public static AttributeType of(long code) {
        for (AttributeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return UNDEFINED;
    }
}
