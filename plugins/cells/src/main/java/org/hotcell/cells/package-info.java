/**
 * The standard cell types ({@link org.hotcell.cells.StandardCells}) for hosts that do not use a registry.
 */
@Version("0.1.0")
package org.hotcell.cells;

import org.osgi.annotation.versioning.Version;
