/** NumPy {@code .npy} files: {@link org.hotcell.onnx.npy.Npy} reads and writes them as tensors. */
package org.hotcell.onnx.npy;
