package org.hotcell.core.error;

import java.util.Collection;

/** A cell type name (such as {@code lstm}) that no installed cell plugin serves. */
public final class UnknownCellTypeException extends UnknownNameException {
    private static final long serialVersionUID = 1L;

    /** @param name the name asked for; @param known the names known now */
    public UnknownCellTypeException(String name, Collection<String> known) {
        super("HC-UNKNOWN-CELL-TYPE", "cell type", name, known);
    }
}
