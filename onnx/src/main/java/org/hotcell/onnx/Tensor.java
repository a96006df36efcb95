package org.hotcell.onnx;

import java.util.Arrays;
import java.util.Objects;

import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * A dense, row-major (C order) tensor of floats or integers: what flows between the nodes of an ONNX graph and
 * what .npy files hold. Immutable by convention: the arrays are shared, never written after construction.
 *
 * <p>Floats live in a {@code float[]}; INT32 and INT64 elements both live in a {@code long[]}.
 */
public final class Tensor {
    /**
     * The most elements one tensor may have. Sizes are checked against it before anything is allocated, so a
     * model or file that claims absurd dimensions fails with an exception instead of exhausting memory.
     */
    public static final int MAX_ELEMENTS = 1 << 28;

    private final ElementType type;
    private final int[] shape;
    private final float[] floats;
    private final long[] longs;

    private Tensor(ElementType type, int[] shape, float[] floats, long[] longs) {
        this.type = type;
        this.shape = shape;
        this.floats = floats;
        this.longs = longs;
    }

    /**
     * A float tensor over {@code data} (not copied).
     *
     * @throws ShapeMismatchException when the shape's element count differs from data's length
     */
    public static Tensor ofFloats(int[] shape, float[] data) {
        Objects.requireNonNull(data, "data");
        ShapeMismatchException.check("element count of float tensor " + Arrays.toString(shape), data.length,
                elementCount("tensor", toLong(shape)));
        return new Tensor(ElementType.FLOAT, shape.clone(), data, null);
    }

    /**
     * An integer tensor (INT32 or INT64) over {@code data} (not copied).
     *
     * @throws ShapeMismatchException when the shape's element count differs from data's length
     */
    public static Tensor ofLongs(ElementType type, int[] shape, long[] data) {
        if (type.isFloat()) {
            throw new IllegalArgumentException("ofLongs needs an integer type, got " + type);
        }
        Objects.requireNonNull(data, "data");
        ShapeMismatchException.check("element count of " + type + " tensor " + Arrays.toString(shape), data.length,
                elementCount("tensor", toLong(shape)));
        return new Tensor(type, shape.clone(), null, data);
    }

    /** A 1-D INT64 tensor of these values. */
    public static Tensor int64Vector(long... values) {
        return new Tensor(ElementType.INT64, new int[] {values.length}, null, values.clone());
    }

    /** An empty tensor of the type and shape, zero-filled. */
    public static Tensor zeros(ElementType type, int[] shape) {
        int count = elementCount("tensor", toLong(shape));
        return type.isFloat() ? new Tensor(type, shape.clone(), new float[count], null)
                : new Tensor(type, shape.clone(), null, new long[count]);
    }

    /**
     * The element count of a shape, checked: every dimension non-negative and the product at most
     * {@link #MAX_ELEMENTS}.
     *
     * @param what names the tensor in the error message
     * @throws BadModelException naming the tensor and its dimensions when the shape is not allocatable
     */
    public static int elementCount(String what, long[] dims) {
        boolean empty = false;
        for (long dim : dims) {
            if (dim < 0 || dim > MAX_ELEMENTS) {
                throw new BadModelException(what + " has dimensions " + Arrays.toString(dims)
                        + "; each must be in [0, " + MAX_ELEMENTS + "]");
            }
            empty |= dim == 0;
        }
        if (empty) {
            return 0;
        }
        long count = 1;
        for (long dim : dims) {
            count *= dim;
            if (count > MAX_ELEMENTS) {
                throw new BadModelException(what + " with dimensions " + Arrays.toString(dims)
                        + " has more than " + MAX_ELEMENTS + " elements, the most Hotcell holds in one tensor");
            }
        }
        return (int) count;
    }

    private static long[] toLong(int[] shape) {
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return dims;
    }

    /** The element type. */
    public ElementType type() {
        return type;
    }

    /** The dimensions; a copy. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Dimension i. */
    public int dim(int i) {
        return shape[i];
    }

    /** The number of elements. */
    public int size() {
        return type.isFloat() ? floats.length : longs.length;
    }

    /** The floats, live (do not write); only for FLOAT tensors. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("a " + type + " tensor has no float data");
        }
        return floats;
    }

    /** The integers, live (do not write); only for INT32 and INT64 tensors. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("a " + type + " tensor has no integer data");
        }
        return longs;
    }

    /** Element i as a double, whatever the type. */
    public double get(int i) {
        return type.isFloat() ? floats[i] : longs[i];
    }

    /** This tensor's elements as floats (a copy for integer tensors, the live array for float ones). */
    public float[] toFloats() {
        if (type.isFloat()) {
            return floats;
        }
        float[] out = new float[longs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = longs[i];
        }
        return out;
    }

    /** This tensor converted to another element type (floats to integers truncate toward zero). */
    public Tensor as(ElementType target) {
        if (target == type) {
            return this;
        }
        if (target.isFloat()) {
            return new Tensor(target, shape, toFloats(), null);
        }
        long[] out;
        if (type.isFloat()) {
            out = new long[floats.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (long) floats[i];
            }
        } else {
            out = longs;
        }
        if (target == ElementType.INT32) {
            out = out.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) out[i];
            }
        }
        return new Tensor(target, shape, null, out);
    }

    /** The same elements under another shape of the same element count. */
    public Tensor reshape(int[] newShape) {
        ShapeMismatchException.check("element count of reshape " + Arrays.toString(shape) + " -> "
                + Arrays.toString(newShape), elementCount("reshaped tensor", toLong(newShape)), size());
        return new Tensor(type, newShape.clone(), floats, longs);
    }

    /**
     * A new tensor of this type and {@code newShape} whose element j is this tensor's element {@code from[j]}:
     * the one primitive that every data-movement operator (Transpose, Slice, Gather, ...) is written with.
     */
    public Tensor select(int[] newShape, int[] from) {
        if (type.isFloat()) {
            float[] out = new float[from.length];
            for (int j = 0; j < from.length; j++) {
                out[j] = floats[from[j]];
            }
            return ofFloats(newShape, out);
        }
        long[] out = new long[from.length];
        for (int j = 0; j < from.length; j++) {
            out[j] = longs[from[j]];
        }
        return ofLongs(type, newShape, out);
    }

    /** The row-major strides of a shape: {@code strides[i]} is the distance between neighbours along axis i. */
    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    @Override
    public String toString() {
        return type + Arrays.toString(shape);
    }
}
