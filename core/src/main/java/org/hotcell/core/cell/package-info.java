/**
 * Recurrent cells: the cell-type SPI, cell specs with one activation per role, weights, states and forward and backward passes.
 *
 * <p>The version is the package's OSGi export version; it changes with the package's API.
 */
@Version("0.4.0")
package org.hotcell.core.cell;

import org.osgi.annotation.versioning.Version;
