package org.hotcell.example.streaming.data;

/** The faults injected into a stream. */
public enum AnomalyKind {
    /** One reading jumps by 1 to 2 (either sign) and returns at once. */
    SPIKE,
    /** Readings shift by 0.8 to 1.5 (either sign) for 10 to 25 steps. */
    LEVEL_SHIFT,
    /** The sensor repeats its last reading, without noise, for 15 to 30 steps. */
    FROZEN
}
