package org.hotcell.runtime.cli;

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
}
