package org.hotcell.onnx.internal.graph;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;

/**
 * What a graph run gives its ops.
 *
 * @param registry where the recurrent ops find cell types and activations
 * @param backend  the backend the cells compute on
 */
public record RunContext(Registry registry, Backend backend) {
}
