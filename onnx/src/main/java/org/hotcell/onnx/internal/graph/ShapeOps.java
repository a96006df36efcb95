package org.hotcell.onnx.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.AttributeType;
import org.hotcell.onnx.proto.Node;

/**
 * The data-movement operators exporters put between recurrent nodes: Identity, Squeeze, Unsqueeze,
 * Transpose, Reshape, Concat, Split, Slice, Gather, Shape, Cast and Constant, with their ONNX semantics (axes given
 * as attributes before opset 13, as inputs from then on; both forms are accepted whatever the opset).
 */
final class ShapeOps {
    private ShapeOps() {
    }

    static List<Tensor> identity(Node node, List<Tensor> inputs, RunContext run) {
        return List.of(new NodeArgs(node, inputs).required(0, "input"));
    }

    /** Removes the listed axes, each of size 1; with no axes, every axis of size 1. */
    static List<Tensor> squeeze(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "data");
        long[] axes = axes(args);
        boolean[] drop = new boolean[data.rank()];
        if (axes == null) {
            for (int i = 0; i < data.rank(); i++) {
                drop[i] = data.dim(i) == 1;
            }
        } else {
            for (long a : axes) {
                int axis = args.axis(a, data.rank(), "axis");
                if (data.dim(axis) != 1) {
                    throw args.fail("cannot squeeze axis " + axis + " of input " + data + ": its size is "
                            + data.dim(axis) + ", not 1");
                }
                drop[axis] = true;
            }
        }
        List<Integer> shape = new ArrayList<>();
        for (int i = 0; i < data.rank(); i++) {
            if (!drop[i]) {
                shape.add(data.dim(i));
            }
        }
        return List.of(data.reshape(shape.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Inserts axes of size 1 at the listed positions of the output. */
    static List<Tensor> unsqueeze(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "data");
        long[] axes = axes(args);
        if (axes == null) {
            throw args.fail("needs axes (attribute 'axes' before opset 13, input #1 from opset 13)");
        }
        int rank = data.rank() + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            int axis = args.axis(a, rank, "axis");
            if (inserted[axis]) {
                throw args.fail("axis " + a + " is listed twice in " + Arrays.toString(axes));
            }
            inserted[axis] = true;
        }
        int[] shape = new int[rank];
        for (int i = 0, k = 0; i < rank; i++) {
            shape[i] = inserted[i] ? 1 : data.dim(k++);
        }
        return List.of(data.reshape(shape));
    }

    private static long[] axes(NodeArgs args) {
        long[] attribute = args.intsAttr("axes");
        return attribute != null ? attribute : args.ints(1, "axes");
    }

    /** Permutes the axes: output axis i is input axis perm[i]; reverses them by default. */
    static List<Tensor> transpose(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "data");
        int rank = data.rank();
        long[] perm = args.intsAttr("perm");
        int[] p = new int[rank];
        if (perm == null) {
            for (int i = 0; i < rank; i++) {
                p[i] = rank - 1 - i;
            }
        } else {
            if (perm.length != rank) {
                throw args.fail("perm " + Arrays.toString(perm) + " has " + perm.length + " entries for input "
                        + data + " of rank " + rank);
            }
            boolean[] seen = new boolean[rank];
            for (int i = 0; i < rank; i++) {
                p[i] = args.axis(perm[i], rank, "perm entry");
                if (seen[p[i]]) {
                    throw args.fail("perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (rank - 1));
                }
                seen[p[i]] = true;
            }
        }
        int[] strides = Tensor.strides(data.shape());
        int[] shape = new int[rank];
        long[] steps = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = data.dim(p[i]);
            steps[i] = strides[p[i]];
        }
        return List.of(strided(data, shape, 0, steps));
    }

    /** The same elements under a new shape: 0 copies the input dimension (unless allowzero), -1 is inferred. */
    static List<Tensor> reshape(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "data");
        long[] target = args.intsAttr("shape");
        if (target == null) {
            args.required(1, "shape");
            target = args.ints(1, "shape");
        }
        boolean allowZero = args.intAttr("allowzero", 0) != 0;
        int[] shape = new int[target.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long dim = target[i];
            if (dim == 0 && !allowZero) {
                if (i >= data.rank()) {
                    throw args.fail("shape " + Arrays.toString(target) + " copies dimension " + i
                            + " (0) but the input " + data + " has rank " + data.rank());
                }
                dim = data.dim(i);
            }
            if (dim == -1) {
                if (inferred >= 0) {
                    throw args.fail("shape " + Arrays.toString(target) + " has more than one -1");
                }
                inferred = i;
                continue;
            }
            if (dim < 0 || dim > Tensor.MAX_ELEMENTS) {
                throw args.fail("shape " + Arrays.toString(target) + " has invalid dimension " + dim);
            }
            shape[i] = (int) dim;
            known *= dim;
            if (known > Tensor.MAX_ELEMENTS) {
                throw args.fail("shape " + Arrays.toString(target) + " has more elements than input " + data);
            }
        }
        if (inferred >= 0) {
            if (known == 0 || data.size() % known != 0) {
                throw args.fail("cannot infer the -1 in shape " + Arrays.toString(target) + " for input " + data
                        + " of " + data.size() + " elements");
            }
            shape[inferred] = (int) (data.size() / known);
        } else if (known != data.size()) {
            throw args.fail("shape " + Arrays.toString(target) + " has " + known + " elements; input " + data
                    + " has " + data.size());
        }
        return List.of(data.reshape(shape));
    }

    /** Joins the inputs along an axis; every other dimension must agree. */
    static List<Tensor> concat(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        if (args.attribute("axis", AttributeType.INT) == null) {
            throw args.fail("needs attribute 'axis'");
        }
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            parts.add(args.required(i, "input"));
        }
        if (parts.isEmpty()) {
            throw args.fail("has no inputs");
        }
        Tensor first = parts.get(0);
        int axis = args.axis(args.intAttr("axis", 0), first.rank(), "axis");
        long total = 0;
        for (Tensor part : parts) {
            if (part.rank() != first.rank() || part.type() != first.type()) {
                throw args.fail("cannot concatenate " + part + " with " + first);
            }
            for (int d = 0; d < first.rank(); d++) {
                if (d != axis && part.dim(d) != first.dim(d)) {
                    throw args.fail("cannot concatenate " + part + " with " + first + " along axis " + axis
                            + ": dimension " + d + " differs");
                }
            }
            total += part.dim(axis);
        }
        int[] shape = first.shape();
        if (total > Tensor.MAX_ELEMENTS) {
            throw args.fail("output axis " + axis + " would have " + total + " entries");
        }
        shape[axis] = (int) total;
        long[] dims = Arrays.stream(shape).asLongStream().toArray();
        int count = Tensor.elementCount(node.label() + " output", dims);
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        int outRow = count / Math.max(1, outer);
        Tensor out = Tensor.zeros(first.type(), shape);
        int offset = 0;
        for (Tensor part : parts) {
            int row = outer == 0 ? 0 : part.size() / outer;
            for (int o = 0; o < outer; o++) {
                if (first.type().isFloat()) {
                    System.arraycopy(part.floats(), o * row, out.floats(), o * outRow + offset, row);
                } else {
                    System.arraycopy(part.longs(), o * row, out.longs(), o * outRow + offset, row);
                }
            }
            offset += row;
        }
        return List.of(out);
    }

    /**
     * Cuts the input along an axis into parts of the sizes listed ('split' input or attribute), or into as many
     * equal parts as there are outputs (the last one smaller when the axis does not divide evenly, as opset 18's
     * num_outputs specifies).
     */
    static List<Tensor> split(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "input");
        int axis = args.axis(args.intAttr("axis", 0), data.rank(), "axis");
        int dim = data.dim(axis);
        int parts = node.outputs().size();
        long[] sizes = args.intsAttr("split");
        if (sizes == null) {
            sizes = args.ints(1, "split");
        }
        if (sizes == null) {
            long piece = parts == 0 ? 0 : (dim + parts - 1) / parts;
            sizes = new long[parts];
            for (int k = 0; k < parts; k++) {
                sizes[k] = Math.max(0, Math.min(piece, dim - k * piece));
            }
        }
        long total = 0;
        for (long size : sizes) {
            if (size < 0) {
                throw args.fail("split sizes " + Arrays.toString(sizes) + " include a negative size");
            }
            total += size;
        }
        if (sizes.length != parts || total != dim) {
            throw args.fail("split sizes " + Arrays.toString(sizes) + " must be one per output (" + parts
                    + ") and add up to dimension " + axis + " of input " + data + " (" + dim + ")");
        }
        int[] strides = Tensor.strides(data.shape());
        long[] steps = Arrays.stream(strides).asLongStream().toArray();
        List<Tensor> outputs = new ArrayList<>();
        long start = 0;
        for (long size : sizes) {
            int[] shape = data.shape();
            shape[axis] = (int) size;
            outputs.add(strided(data, shape, start * strides[axis], steps));
            start += size;
        }
        return outputs;
    }

    /** Takes {@code start, start+step, ...} up to end (exclusive) along each listed axis, ONNX clamping. */
    static List<Tensor> slice(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "data");
        long[] starts = args.intsAttr("starts");
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (starts != null) {
            ends = args.intsAttr("ends");
            axes = args.intsAttr("axes");
        } else {
            args.required(1, "starts");
            args.required(2, "ends");
            starts = args.ints(1, "starts");
            ends = args.ints(2, "ends");
            axes = args.ints(3, "axes");
            steps = args.ints(4, "steps");
        }
        if (ends == null || ends.length != starts.length || (axes != null && axes.length != starts.length)
                || (steps != null && steps.length != starts.length)) {
            throw args.fail("starts " + Arrays.toString(starts) + ", ends " + Arrays.toString(ends) + ", axes "
                    + Arrays.toString(axes) + " and steps " + Arrays.toString(steps) + " must have the same length");
        }
        int rank = data.rank();
        long[] begin = new long[rank];
        long[] step = new long[rank];
        int[] shape = data.shape();
        Arrays.fill(step, 1);
        boolean[] seen = new boolean[rank];
        for (int k = 0; k < starts.length; k++) {
            int axis = args.axis(axes == null ? k : axes[k], rank, "axis");
            if (seen[axis]) {
                throw args.fail("axis " + axis + " is sliced twice");
            }
            seen[axis] = true;
            long s = steps == null ? 1 : steps[k];
            if (s == 0) {
                throw args.fail("step of axis " + axis + " is 0");
            }
            long dim = data.dim(axis);
            // A step longer than the axis takes at most one element; bounding it keeps the arithmetic in range.
            s = Math.max(-(dim + 1), Math.min(dim + 1, s));
            long start = clampIndex(starts[k], dim, s);
            long end = clampIndex(ends[k], dim, s);
            if (s > 0) {
                end = Math.max(end, start);
                shape[axis] = (int) (end == start ? 0 : 1 + (end - start - 1) / s);
            } else {
                end = Math.min(end, start);
                shape[axis] = (int) (end == start ? 0 : 1 + (start - end - 1) / -s);
            }
            begin[axis] = start;
            step[axis] = s;
        }
        int[] strides = Tensor.strides(data.shape());
        long base = 0;
        long[] jumps = new long[rank];
        for (int i = 0; i < rank; i++) {
            base += begin[i] * strides[i];
            jumps[i] = step[i] * strides[i];
        }
        return List.of(strided(data, shape, base, jumps));
    }

    /** ONNX Slice's index rule: negative counts from the end, then clamp to [0, dim] (step > 0) or [-1, dim-1]. */
    private static long clampIndex(long index, long dim, long step) {
        long i = index < 0 ? index + dim : index;
        return step > 0 ? Math.min(Math.max(i, 0), dim) : Math.min(Math.max(i, -1), dim - 1);
    }

    /** Picks entries along an axis by index; the output's shape is data[:axis] + indices + data[axis+1:]. */
    static List<Tensor> gather(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "data");
        Tensor indexTensor = args.required(1, "indices");
        long[] indices = args.ints(1, "indices");
        int axis = args.axis(args.intAttr("axis", 0), data.rank(), "axis");
        int dim = data.dim(axis);
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= data.dim(d);
        }
        int inner = 1;
        for (int d = axis + 1; d < data.rank(); d++) {
            inner *= data.dim(d);
        }
        int[] shape = new int[data.rank() - 1 + indexTensor.rank()];
        int k = 0;
        for (int d = 0; d < axis; d++) {
            shape[k++] = data.dim(d);
        }
        for (int d = 0; d < indexTensor.rank(); d++) {
            shape[k++] = indexTensor.dim(d);
        }
        for (int d = axis + 1; d < data.rank(); d++) {
            shape[k++] = data.dim(d);
        }
        int count = Tensor.elementCount(node.label() + " output", Arrays.stream(shape).asLongStream().toArray());
        int[] from = new int[count];
        int j = 0;
        for (int o = 0; o < outer; o++) {
            for (long index : indices) {
                if (index < -dim || index >= dim) {
                    throw args.fail("index " + index + " is out of range for axis " + axis + " of size " + dim
                            + " of input " + data);
                }
                int i = (int) (index < 0 ? index + dim : index);
                for (int in = 0; in < inner; in++) {
                    from[j++] = (o * dim + i) * inner + in;
                }
            }
        }
        return List.of(data.select(shape, from));
    }

    /** The input's shape as a 1-D INT64 tensor, optionally the dimensions [start, end) only. */
    static List<Tensor> shape(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "data");
        int rank = data.rank();
        long start = args.intAttr("start", 0);
        long end = args.intAttr("end", rank);
        start = Math.min(Math.max(start < 0 ? start + rank : start, 0), rank);
        end = Math.min(Math.max(end < 0 ? end + rank : end, 0), rank);
        long[] dims = new long[(int) Math.max(0, end - start)];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = data.dim((int) start + i);
        }
        return List.of(Tensor.int64Vector(dims));
    }

    /** Converts elements to the type 'to' names (FLOAT and DOUBLE become FLOAT). */
    static List<Tensor> cast(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "input");
        long to = args.intAttr("to", -1);
        ElementType target = to == 11 ? ElementType.FLOAT : ElementType.ofOnnx((int) to).orElseThrow(() ->
                args.fail("attribute 'to' is " + ElementType.onnxName((int) to)
                        + "; Hotcell casts to FLOAT, DOUBLE, INT32 and INT64"));
        return List.of(data.as(target));
    }

    /** A constant from one of the value attributes. */
    static List<Tensor> constant(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        for (Attribute attribute : node.attributes()) {
            switch (attribute.name()) {
                case "value" -> {
                    return List.of(args.attribute("value", AttributeType.TENSOR).t());
                }
                case "value_float" -> {
                    return List.of(Tensor.ofFloats(new int[0],
                            new float[] {args.attribute("value_float", AttributeType.FLOAT).f()}));
                }
                case "value_floats" -> {
                    float[] values = args.attribute("value_floats", AttributeType.FLOATS).floats();
                    return List.of(Tensor.ofFloats(new int[] {values.length}, values));
                }
                case "value_int" -> {
                    return List.of(Tensor.ofLongs(ElementType.INT64, new int[0],
                            new long[] {args.attribute("value_int", AttributeType.INT).i()}));
                }
                case "value_ints" -> {
                    return List.of(Tensor.int64Vector(args.attribute("value_ints", AttributeType.INTS).ints()));
                }
                default -> {
                    // doc strings and the like: not a value
                }
            }
        }
        throw args.fail("has none of the value attributes Hotcell reads (value, value_float, value_floats,"
                + " value_int, value_ints)");
    }

    /**
     * A view of {@code data} as a tensor of {@code shape} whose element at coordinates c is the input element at
     * {@code base + sum(c[i] * steps[i])}: transposes and slices are both such views.
     */
    static Tensor strided(Tensor data, int[] shape, long base, long[] steps) {
        int count = Tensor.elementCount("strided view", Arrays.stream(shape).asLongStream().toArray());
        int[] from = new int[count];
        int rank = shape.length;
        int[] coord = new int[rank];
        long offset = base;
        for (int j = 0; j < count; j++) {
            from[j] = (int) offset;
            for (int i = rank - 1; i >= 0; i--) {
                coord[i]++;
                offset += steps[i];
                if (coord[i] < shape[i]) {
                    break;
                }
                offset -= steps[i] * coord[i];
                coord[i] = 0;
            }
        }
        return data.select(shape, from);
    }
}
