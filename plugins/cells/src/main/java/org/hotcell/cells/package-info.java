/**
 * The standard cell types ({@link org.hotcell.cells.StandardCells}) for hosts that do not use a registry.
 */
package org.hotcell.cells;
