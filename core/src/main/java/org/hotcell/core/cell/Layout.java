package org.hotcell.core.cell;

/** How a batch of sequences lies in memory. */
public enum Layout {
    /** {@code [T, N, features]}: all batch items of step 0, then step 1, ... (ONNX layout 0). */
    TIME_MAJOR,
    /** {@code [N, T, features]}: all steps of item 0, then item 1, ... (ONNX layout 1, Keras). */
    BATCH_MAJOR
}
