/**
 * Clients that step streams, over HTTP or in this JVM.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.example.streaming.client;

import org.osgi.annotation.versioning.Version;
