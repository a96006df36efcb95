/**
 * Training: backpropagation through time, data checks and diagnostics.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.model.train;

import org.osgi.annotation.versioning.Version;
