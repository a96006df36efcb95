package org.hotcell.onnx.internal.graph;

import java.util.Arrays;
import java.util.List;

import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.AttributeType;
import org.hotcell.onnx.proto.Node;

/**
 * The operators that make tensors of a computed shape: ConstantOfShape and Expand. PyTorch's exporter emits
 * them for the zero initial states of a recurrent layer whose batch size is only known at run time
 * ({@code Shape -> Gather -> Unsqueeze -> Concat -> ConstantOfShape}).
 */
final class FillOps {
    private FillOps() {
    }

    /** A tensor of the shape given as input, filled with the one element of attribute 'value' (default 0f). */
    static List<Tensor> constantOfShape(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        args.required(0, "input");
        long[] dims = args.ints(0, "input");
        Attribute value = args.attribute("value", AttributeType.TENSOR);
        if (value != null && value.t().size() != 1) {
            throw args.fail("attribute 'value' must hold one element, it is " + value.t());
        }
        int[] shape = checkedShape(args, dims);
        ElementType type = value == null ? ElementType.FLOAT : value.t().type();
        Tensor out = Tensor.zeros(type, shape);
        if (value != null) {
            if (type.isFloat()) {
                Arrays.fill(out.floats(), value.t().floats()[0]);
            } else {
                Arrays.fill(out.longs(), value.t().longs()[0]);
            }
        }
        return List.of(out);
    }

    /** Broadcasts the input to the shape given (NumPy rules: dimensions align from the right; 1 stretches). */
    static List<Tensor> expand(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        Tensor data = args.required(0, "input");
        args.required(1, "shape");
        long[] target = args.ints(1, "shape");
        int rank = Math.max(data.rank(), target.length);
        long[] dims = new long[rank];
        long[] steps = new long[rank];
        int[] strides = Tensor.strides(data.shape());
        for (int i = 0; i < rank; i++) {
            int di = i - (rank - data.rank());
            int ti = i - (rank - target.length);
            long a = di >= 0 ? data.dim(di) : 1;
            long b = ti >= 0 ? target[ti] : 1;
            if (a != b && a != 1 && b != 1) {
                throw args.fail("cannot broadcast input " + data + " to shape " + Arrays.toString(target)
                        + ": dimension " + i + " is " + a + " against " + b);
            }
            dims[i] = a == 1 ? b : a;
            steps[i] = di >= 0 && a != 1 ? strides[di] : 0;
        }
        return List.of(ShapeOps.strided(data, checkedShape(args, dims), 0, steps));
    }

    private static int[] checkedShape(NodeArgs args, long[] dims) {
        Tensor.elementCount(args.node().label() + " output", dims);
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = (int) dims[i];
        }
        return shape;
    }
}
