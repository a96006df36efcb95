package org.hotcell.onnx.internal.graph;

import java.util.List;

import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Node;

/** One ONNX operator: computes a node's outputs from its inputs. */
@FunctionalInterface
public interface Op {

    /**
     * Runs a node.
     *
     * @param node   the node, for its attributes and for error messages
     * @param inputs one entry per input slot; null where the slot is empty or its value absent
     * @param run    what the run offers ops (registry, backend)
     * @return one entry per output slot (null for an output the op does not produce)
     * @throws org.hotcell.core.error.HotcellException naming the node when inputs or attributes are invalid
     */
    List<Tensor> run(Node node, List<Tensor> inputs, RunContext run);
}
