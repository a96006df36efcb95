package org.hotcell.runtime.models;

import java.util.List;

import org.hotcell.core.error.HotcellException;

/** A request named a model that the models directory does not hold; the message lists the ones it does. */
public final class ModelNotFoundException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param name the model asked for; {@code known} the models there are */
    public ModelNotFoundException(String name, List<String> known) {
        super("HC-UNKNOWN-MODEL", "no model named '" + name + "'; the models directory holds "
                + (known.isEmpty() ? "none" : known));
    }
}
