package org.hotcell.core.error;

import java.util.Collection;

/** An activation name that no installed activation plugin serves. */
public final class UnknownActivationException extends UnknownNameException {
    private static final long serialVersionUID = 1L;

    /** @param name the name asked for; @param known the names known now */
    public UnknownActivationException(String name, Collection<String> known) {
        super("HC-UNKNOWN-ACTIVATION", "activation", name, known);
    }
}
