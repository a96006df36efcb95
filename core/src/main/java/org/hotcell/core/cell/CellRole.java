package org.hotcell.core.cell;

import java.util.Objects;

import org.hotcell.core.activation.ActivationSpec;

/**
 * A place in a cell's equations where an activation is applied, such as an LSTM's {@code forget_gate} or
 * {@code candidate}.
 *
 * @param name        the role's name, e.g. {@code candidate}
 * @param defaultSpec the activation used when a cell spec names none for this role or its fallback
 * @param fallback    the role whose activation this one takes when not set itself (the per-gate roles fall
 *                    back to {@code gate}), or null
 * @param description one line on where the role acts in the equations
 */
public record CellRole(String name, ActivationSpec defaultSpec, String fallback, String description) {

    public CellRole {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultSpec, "defaultSpec");
        Objects.requireNonNull(description, "description");
    }
}
