/**
 * Model files: a JSON spec plus safetensors weights.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.model.io;

import org.osgi.annotation.versioning.Version;
