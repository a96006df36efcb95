/**
 * The SIMD CPU backend on the Java Vector API.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.backend.simd;

import org.osgi.annotation.versioning.Version;
