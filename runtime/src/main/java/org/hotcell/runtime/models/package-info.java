/**
 * Models hosted by the runtime, re-bound when plugins change.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.2.0")
package org.hotcell.runtime.models;

import org.osgi.annotation.versioning.Version;
