package org.hotcell.runtime.cli;

import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.InvalidSpecException;

/** Checks of command-line values that every command shares, with messages that name the flag. */
final class Flags {
    private Flags() {
    }

    /** @throws InvalidSpecException when {@code value} is below 1 */
    static void requirePositive(String flag, long value) {
        if (value < 1) {
            throw new InvalidSpecException(flag + " must be at least 1, got " + value);
        }
    }

    /**
     * @param context what the message starts with, e.g. {@code "--gate: "}, or empty
     * @throws InvalidSpecException when {@code type} has no role {@code role}; the message lists the roles it has
     */
    static void requireRole(String context, CellType type, String role) {
        if (type.role(role).isEmpty()) {
            throw new InvalidSpecException(context + "cell type '" + type.name() + "' has no role '" + role
                    + "'; its roles are " + type.roles().stream().map(r -> r.name()).toList());
        }
    }
}
