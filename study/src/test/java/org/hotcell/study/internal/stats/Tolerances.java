package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;

/** The relative tolerances of the comparisons with SciPy. */
final class Tolerances {
    private Tolerances() {
    }

    /**
     * Where both sides compute the same formula, exact or approximate, and differ only by rounding. All the
     * comparisons pass at this level, including SciPy's normal approximations, so none needs a looser one.
     */
    static final double EXACT = 1e-9;

    /** An offset of {@code relative} times |expected|: exactly {@code expected} when it is 0. */
    static Offset<Double> relative(double expected, double relative) {
        return within(Math.abs(expected) * relative);
    }

    /** An offset of {@link #EXACT} times |expected|. */
    static Offset<Double> exact(double expected) {
        return relative(expected, EXACT);
    }
}
