/**
 * The test kit for plugin authors: contracts any activation or factory must keep.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.1.0")
package org.hotcell.tck;

import org.osgi.annotation.versioning.Version;
