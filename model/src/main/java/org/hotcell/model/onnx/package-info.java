/**
 * ONNX export of models; the names, gate orders and activation functions it writes come from
 * {@code org.hotcell.onnx.mapping}, which import reads too.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.model.onnx;

import org.osgi.annotation.versioning.Version;
