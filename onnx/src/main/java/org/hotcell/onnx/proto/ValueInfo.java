package org.hotcell.onnx.proto;

import java.util.Objects;

/**
 * An ONNX {@code ValueInfoProto} of a tensor: a graph input's or output's name, element type and shape.
 *
 * @param name        the value's name
 * @param elementType the {@code TensorProto.DataType} code, 0 when not stated
 * @param dims        the dimensions, -1 for a symbolic or unknown one; null when the shape is not stated
 */
public record ValueInfo(String name, int elementType, long[] dims) {

    public ValueInfo {
        Objects.requireNonNull(name, "name");
    }
}
