/**
 * ONNX import: {@link org.hotcell.onnx.OnnxModel} loads an .onnx file of LSTM, GRU and RNN nodes (and the
 * shape operators exporters put between them) and runs it on the cell types and activations of a
 * {@link org.hotcell.core.registry.Registry}; {@link org.hotcell.onnx.Tensor} is the value type that flows
 * through graphs and .npy files.
 */
@Version("0.1.0")
package org.hotcell.onnx;

import org.osgi.annotation.versioning.Version;
