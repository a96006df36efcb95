/**
 * Streams of stepwise inference: their lifecycle (create, step, read, reset, delete, export, import), their limits
 * (a capacity and an idle timeout) and their persistence in an embedded H2 MVStore file, so that a restart, a plugin
 * swap or a kill keeps every answered step.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.runtime.streams;

import org.osgi.annotation.versioning.Version;
