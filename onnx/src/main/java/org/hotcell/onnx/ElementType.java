package org.hotcell.onnx;

import java.util.Optional;

/**
 * The element types Hotcell computes with, with their ONNX {@code TensorProto.DataType} codes. Doubles are read
 * as floats; every integer type is held in {@code long}s.
 */
public enum ElementType {
    /** 32-bit float, ONNX code 1. */
    FLOAT(1, 4),
    /** 32-bit signed integer, ONNX code 6 (used for {@code sequence_lens}). */
    INT32(6, 4),
    /** 64-bit signed integer, ONNX code 7 (used for shapes, axes and indices). */
    INT64(7, 8);

    private final int onnxCode;
    private final int bytes;

    ElementType(int onnxCode, int bytes) {
        this.onnxCode = onnxCode;
        this.bytes = bytes;
    }

    /** The {@code TensorProto.DataType} value. */
    public int onnxCode() {
        return onnxCode;
    }

    /** Bytes per element in ONNX raw data and in .npy files. */
    public int bytes() {
        return bytes;
    }

    /** Whether elements are floats (else integers, held as longs). */
    public boolean isFloat() {
        return this == FLOAT;
    }

    /** The type with this ONNX code, if Hotcell holds it as is (DOUBLE, 11, is read as FLOAT separately). */
    public static Optional<ElementType> ofOnnx(int code) {
        for (ElementType type : values()) {
            if (type.onnxCode == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The ONNX name of a {@code TensorProto.DataType} code, for error messages. */
    public static String onnxName(int code) {
        return switch (code) {
            case 0 -> "UNDEFINED";
            case 1 -> "FLOAT";
            case 2 -> "UINT8";
            case 3 -> "INT8";
            case 4 -> "UINT16";
            case 5 -> "INT16";
            case 6 -> "INT32";
            case 7 -> "INT64";
            case 8 -> "STRING";
            case 9 -> "BOOL";
            case 10 -> "FLOAT16";
            case 11 -> "DOUBLE";
            case 12 -> "UINT32";
            case 13 -> "UINT64";
            case 16 -> "BFLOAT16";
            default -> "type " + code;
        };
    }
}
