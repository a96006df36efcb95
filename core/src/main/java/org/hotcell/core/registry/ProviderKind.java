package org.hotcell.core.registry;

/** The kinds of plugin provision a {@link Registry} tracks. */
public enum ProviderKind {
    /** An {@link org.hotcell.core.activation.ActivationFactory}. */
    ACTIVATION("activation"),
    /** A {@link org.hotcell.core.cell.CellType}. */
    CELL_TYPE("cell type"),
    /** A {@link org.hotcell.core.backend.Backend}. */
    BACKEND("backend");

    private final String word;

    ProviderKind(String word) {
        this.word = word;
    }

    /** The kind in words, for messages. */
    public String word() {
        return word;
    }
}
