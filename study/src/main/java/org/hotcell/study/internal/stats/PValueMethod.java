package org.hotcell.study.internal.stats;

/** How a p-value was computed, so that a report can say when it rests on an approximation. */
public enum PValueMethod {
    /** From the exact null distribution (for tied ranks: the exact distribution given those ties). */
    EXACT,
    /** From the normal approximation of the null distribution. */
    NORMAL_APPROXIMATION
}
