/**
 * How Hotcell's cells map onto ONNX's recurrent operators, stated once for import and export alike:
 * {@link org.hotcell.onnx.mapping.RecurrentOperator} (op type, cell type, gate order, activation slots and the
 * cell roles they fill, inputs), {@link org.hotcell.onnx.mapping.RecurrentInput} (input slots),
 * {@link org.hotcell.onnx.mapping.RecurrentAttribute} (attribute names and the values of {@code direction}) and
 * {@link org.hotcell.onnx.mapping.ActivationFunction} (ONNX's activation functions, their {@code activation_alpha}
 * and {@code activation_beta} parameters, and the Hotcell activations they are).
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.onnx.mapping;

import org.osgi.annotation.versioning.Version;
