/**
 * Activations: the function contract, its properties, specs such as {@code leaky_relu(alpha=0.1)} and the plugin SPI that makes them.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.2.0")
package org.hotcell.core.activation;

import org.osgi.annotation.versioning.Version;
