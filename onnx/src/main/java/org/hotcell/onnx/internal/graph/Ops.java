package org.hotcell.onnx.internal.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.hotcell.onnx.internal.recurrent.RecurrentOp;
import org.hotcell.onnx.mapping.RecurrentOperator;
import org.hotcell.onnx.proto.Node;

/** The operators Hotcell runs, by ONNX op type (default domain only). */
public final class Ops {
    private static final Map<String, Op> OPS = ops();

    private static Map<String, Op> ops() {
        Map<String, Op> ops = new HashMap<>(Map.ofEntries(
                Map.entry("Identity", ShapeOps::identity),
                Map.entry("Squeeze", ShapeOps::squeeze),
                Map.entry("Unsqueeze", ShapeOps::unsqueeze),
                Map.entry("Transpose", ShapeOps::transpose),
                Map.entry("Reshape", ShapeOps::reshape),
                Map.entry("Concat", ShapeOps::concat),
                Map.entry("Split", ShapeOps::split),
                Map.entry("Slice", ShapeOps::slice),
                Map.entry("Gather", ShapeOps::gather),
                Map.entry("Shape", ShapeOps::shape),
                Map.entry("Cast", ShapeOps::cast),
                Map.entry("Constant", ShapeOps::constant),
                Map.entry("ConstantOfShape", FillOps::constantOfShape),
                Map.entry("Expand", FillOps::expand)));
        for (RecurrentOperator operator : RecurrentOperator.values()) {
            ops.put(operator.opType(), RecurrentOp.of(operator));
        }
        return Map.copyOf(ops);
    }

    private Ops() {
    }

    /** The op for a node, if Hotcell runs it. */
    public static Optional<Op> of(Node node) {
        if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
            return Optional.empty();
        }
        return Optional.ofNullable(OPS.get(node.opType()));
    }

    /** The op types Hotcell runs, sorted. */
    public static Set<String> supported() {
        return new TreeSet<>(OPS.keySet());
    }
}
