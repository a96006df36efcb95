/** NumPy {@code .npy} files: {@link org.hotcell.onnx.npy.Npy} reads and writes them as tensors. */
@Version("0.1.0")
package org.hotcell.onnx.npy;

import org.osgi.annotation.versioning.Version;
