/**
 * ONNX export of models and the mapping of activation names to ONNX's.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.model.onnx;

import org.osgi.annotation.versioning.Version;
