/**
 * What every plugin host offers, whatever loads the plugins.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.runtime.plugin;

import org.osgi.annotation.versioning.Version;
