package org.hotcell.onnx.proto;

import java.util.Objects;

import org.hotcell.onnx.Tensor;

/**
 * An ONNX {@code TensorProto} with its name, such as an initializer.
 *
 * @param name  the tensor's name
 * @param value its dimensions and data
 */
public record NamedTensor(String name, Tensor value) {

    public NamedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
