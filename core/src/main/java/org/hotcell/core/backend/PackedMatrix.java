package org.hotcell.core.backend;

/**
 * A weight matrix W of {@code rows x cols} laid out by a backend for its products {@code X . W^T}. Made once
 * per model by {@link Backend#pack} and reused for every step; only the backend that packed it may use it.
 *
 * <p>Its shape is fixed; its values change only through {@link Backend#addTo} (a training step's update).
 * Any number of threads may multiply with it at once, but an update must not overlap any product with it:
 * the owner (a cell, and through it its trainer) orders updates between products.
 */
public interface PackedMatrix {

    /** Rows of W: the output width of {@code X . W^T}. */
    int rows();

    /** Columns of W: the input width of {@code X . W^T}. */
    int cols();

    /** The name of the backend that packed it. */
    String backend();
}
