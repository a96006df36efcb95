/**
 * A model's named parameters.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.2.0")
package org.hotcell.model.param;

import org.osgi.annotation.versioning.Version;
