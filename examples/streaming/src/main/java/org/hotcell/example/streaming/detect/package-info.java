/**
 * Anomaly detection by prediction error, scored with precision and recall.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.example.streaming.detect;

import org.osgi.annotation.versioning.Version;
