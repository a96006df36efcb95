/**
 * The standard recurrent cells: LSTM, GRU and simple RNN with ONNX (opset 14) semantics, one activation per
 * role, forward over sequences, streaming steps and backpropagation through time. API: {@code org.hotcell.cells}
 * ({@link org.hotcell.cells.StandardCells}); the cell types themselves are found as {@link
 * org.hotcell.core.cell.CellType} services. Layers and stacks of cells are the library {@code org.hotcell.layers}.
 */
module org.hotcell.cells {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires transitive org.hotcell.core;

    exports org.hotcell.cells;

    provides org.hotcell.core.cell.CellType with
            org.hotcell.cells.internal.lstm.LstmCellType,
            org.hotcell.cells.internal.gru.GruCellType,
            org.hotcell.cells.internal.rnn.RnnCellType;
}
