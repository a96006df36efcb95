/**
 * Which plugin jars may load: the directory's permissions and the trust file.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.runtime.trust;

import org.osgi.annotation.versioning.Version;
