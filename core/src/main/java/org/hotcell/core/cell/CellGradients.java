package org.hotcell.core.cell;

/**
 * The gradients {@link Cell#backward} returns, each the derivative of the loss with respect to the named
 * forward quantity.
 *
 * @param dx       with respect to the input, in the input's layout and shape; null when it was not asked for
 *                 ({@link Cell#backward(ForwardPass, float[], CellState, boolean)})
 * @param dInitial with respect to the initial state
 * @param dWeights with respect to every parameter, in the layout of {@link CellWeights} (a null entry where
 *                 the cell has no such parameter)
 */
public record CellGradients(float[] dx, CellState dInitial, CellWeights dWeights) {
}
