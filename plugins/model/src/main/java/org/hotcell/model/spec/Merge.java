package org.hotcell.model.spec;

import java.util.Locale;

import org.hotcell.core.error.InvalidSpecException;

/** How a bidirectional layer combines its two directions' outputs at each step. */
public enum Merge {
    /** Forward units then reverse units side by side: the layer's output width is {@code 2H}. */
    CONCAT,
    /** Element-wise sum of the two directions: the output width stays {@code H}. */
    SUM;

    /** The name used in model files: {@code concat} or {@code sum}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code concat} or {@code sum}, in any case. */
    public static Merge parse(String text) {
        for (Merge merge : values()) {
            if (merge.text().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return merge;
            }
        }
        throw new InvalidSpecException("merge mode '" + text + "' is not one of concat, sum");
    }
}
