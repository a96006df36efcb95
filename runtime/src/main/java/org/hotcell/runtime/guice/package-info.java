/**
 * Guice bindings for host applications, with or without OSGi.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.runtime.guice;

import org.osgi.annotation.versioning.Version;
