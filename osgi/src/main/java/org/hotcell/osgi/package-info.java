/**
 * What every OSGi host of Hotcell shares: {@link org.hotcell.osgi.RegistryBridge} feeds a registry from the
 * service registry, and {@link org.hotcell.osgi.RegistryServiceFactory} publishes it with one view per consumer
 * bundle. The hotcell-osgi bundle uses both to publish the {@code Registry} service in any container; the
 * launcher uses them around its embedded Felix.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.osgi;

import org.osgi.annotation.versioning.Version;
