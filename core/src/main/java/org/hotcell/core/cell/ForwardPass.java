package org.hotcell.core.cell;

/**
 * What {@link Cell#forward} returns: the outputs of every step, the state after each sequence's last valid
 * step, and, when asked for, what backward needs.
 *
 * @param y     hidden outputs {@code [T, N, H]}, time-major whatever the input layout; zero past each
 *              sequence's length
 * @param last  the state after the last valid step of each sequence (for reverse direction: after step 0)
 * @param trace the values kept for {@link Cell#backward} (gate activations, inputs), or null when forward was
 *              told not to keep them; opaque to callers and valid only for the cell that made it
 */
public record ForwardPass(float[] y, CellState last, Object trace) {
}
