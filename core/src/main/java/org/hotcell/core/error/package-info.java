/**
 * Hotcell's exceptions: one root, one subclass per kind of failure, each message naming the culprit.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.core.error;

import org.osgi.annotation.versioning.Version;
