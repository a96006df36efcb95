/**
 * Weight initialisers for models.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.model.init;

import org.osgi.annotation.versioning.Version;
