package org.hotcell.core.error;

import java.util.Collection;

/** A backend name that no installed backend plugin serves. */
public final class UnknownBackendException extends UnknownNameException {
    private static final long serialVersionUID = 1L;

    /** @param name the name asked for; @param known the names known now */
    public UnknownBackendException(String name, Collection<String> known) {
        super("HC-UNKNOWN-BACKEND", "backend", name, known);
    }
}
