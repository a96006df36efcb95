/**
 * Compute backends: the SPI for matrix products and packed weights, and the reference backend every other one is tested against.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.4.0")
package org.hotcell.core.backend;

import org.osgi.annotation.versioning.Version;
