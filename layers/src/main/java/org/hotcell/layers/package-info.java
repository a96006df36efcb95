/**
 * Recurrent layers built from cells: {@link org.hotcell.layers.RecurrentLayer} runs one cell forward or in
 * reverse, or two cells both ways with their outputs merged ({@link org.hotcell.layers.MergeMode}), and
 * {@link org.hotcell.layers.RecurrentStack} feeds layers into one another. Each has forward (optionally
 * keeping what backward needs) and backward (BPTT through every direction, merge and layer). Outputs are
 * time-major {@code [T, N, width]} and zero past each sequence's length.
 */
@Version("0.2.0")
package org.hotcell.layers;

import org.osgi.annotation.versioning.Version;
