/**
 * Training the next-value predictor on normal data.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.example.streaming.train;

import org.osgi.annotation.versioning.Version;
