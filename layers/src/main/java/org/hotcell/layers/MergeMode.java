package org.hotcell.layers;

import java.util.Locale;

import org.hotcell.core.error.InvalidSpecException;

/**
 * How a bidirectional layer joins the outputs of its forward (yf) and reverse (yr) cells at each step.
 */
public enum MergeMode {
    /** {@code [yf, yr]}: 2H features per step. */
    CONCAT,
    /** {@code yf + yr}. */
    SUM,
    /** {@code (yf + yr) / 2}. */
    MEAN,
    /** {@code yf * yr}, element-wise. */
    MUL;

    /** Parses {@code concat}, {@code sum}, {@code mean} or {@code mul}, in any case. */
    public static MergeMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSpecException("merge mode '" + text + "' is not one of concat, sum, mean, mul");
        }
    }

    /** Features per step of the merged output for cells of H units. */
    public int width(int hidden) {
        return this == CONCAT ? 2 * hidden : hidden;
    }
}
