package org.hotcell.model.param;

import java.util.Arrays;
import java.util.Objects;

import org.hotcell.core.error.ShapeMismatchException;

/**
 * A named float32 tensor of a model: a weight matrix, a bias, or the gradient of one. The data is live and
 * row-major; the shape is fixed.
 *
 * @param name  a stable dotted name such as {@code layers.0.forward.W} or {@code head.b}
 * @param shape the dimensions, each at least 1
 * @param data  the values, as many as the shape's product
 */
public record Parameter(String name, int[] shape, float[] data) {

    /** @throws ShapeMismatchException when data does not hold exactly the shape's element count */
    public Parameter {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        Objects.requireNonNull(data, "data");
        ShapeMismatchException.check("length of parameter " + name + " of shape " + Arrays.toString(shape),
                data.length, elements(shape));
    }

    /** A zero tensor of this name and shape. */
    public Parameter zerosLike() {
        return new Parameter(name, shape, new float[data.length]);
    }

    /** A deep copy. */
    public Parameter copy() {
        return new Parameter(name, shape, data.clone());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The product of the dimensions. */
    public static long elements(int[] shape) {
        long count = 1;
        for (int dimension : shape) {
            if (dimension < 1) {
                throw new ShapeMismatchException("shape " + Arrays.toString(shape) + " has a dimension below 1");
            }
            count *= dimension;
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameter p && p.name.equals(name) && Arrays.equals(p.shape, shape)
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Parameter[" + name + " " + Arrays.toString(shape) + "]";
    }
}
