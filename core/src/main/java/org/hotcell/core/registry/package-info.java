/**
 * The registry that finds activations, cell types and backends by name, and tells listeners when plugins come and go;
 * {@link org.hotcell.core.registry.PluginJar} loads a plugin jar into it.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.2.0")
package org.hotcell.core.registry;

import org.osgi.annotation.versioning.Version;
