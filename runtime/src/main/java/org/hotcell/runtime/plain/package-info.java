/**
 * The plain-JPMS host: one module layer per plugin jar.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.runtime.plain;

import org.osgi.annotation.versioning.Version;
