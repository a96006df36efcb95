package org.hotcell.core.cell;

import java.util.Locale;

import org.hotcell.core.error.InvalidSpecException;

/** Which way a recurrent layer reads its sequence. */
public enum Direction {
    /** From the first step to the last. */
    FORWARD,
    /** From the last valid step of each sequence to the first. */
    REVERSE,
    /** Both, with separate weights; outputs kept apart (ONNX) or merged (layers). */
    BIDIRECTIONAL;

    /** How many directions run: 2 for bidirectional, else 1. */
    public int count() {
        return this == BIDIRECTIONAL ? 2 : 1;
    }

    /** Parses {@code forward}, {@code reverse} or {@code bidirectional}, in any case. */
    public static Direction parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSpecException("direction '" + text + "' is not one of forward, reverse, bidirectional");
        }
    }
}
