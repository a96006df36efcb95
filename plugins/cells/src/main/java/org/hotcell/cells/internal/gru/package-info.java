/** The GRU cell type and cell (ONNX opset 14 equations, forward and backward). Not API. */
package org.hotcell.cells.internal.gru;
