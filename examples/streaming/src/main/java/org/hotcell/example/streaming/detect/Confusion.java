package org.hotcell.example.streaming.detect;

import org.hotcell.core.error.ShapeMismatchException;

/**
 * Counts of flagged against labelled steps, and the scores made from them.
 *
 * @param truePositives  flagged and anomalous
 * @param falsePositives flagged but normal
 * @param falseNegatives anomalous but not flagged
 * @param trueNegatives  neither
 */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    /** No steps counted yet. */
    public static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

    /**
     * Counts {@code flags} against {@code labels} over the steps from {@code from} on.
     *
     * @throws ShapeMismatchException when the arrays differ in length
     */
    public static Confusion of(boolean[] labels, boolean[] flags, int from) {
        ShapeMismatchException.check("flags per stream (one per label)", flags.length, labels.length);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int t = Math.max(0, from); t < labels.length; t++) {
            if (flags[t] && labels[t]) {
                tp++;
            } else if (flags[t]) {
                fp++;
            } else if (labels[t]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }

    /** The counts of both. */
    public Confusion plus(Confusion other) {
        return new Confusion(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, trueNegatives + other.trueNegatives);
    }

    /** TP / (TP + FP): the share of flags that are right; NaN when nothing was flagged. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN): the share of anomalous steps flagged; NaN when none is anomalous. */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** The harmonic mean of precision and recall; NaN when either is. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The share of steps that are anomalous: the precision of flagging at random. */
    public double baseRate() {
        return ratio(truePositives + falseNegatives, total());
    }

    /** The share of steps flagged: the recall of flagging at random at the same rate. */
    public double flagRate() {
        return ratio(truePositives + falsePositives, total());
    }

    /** Every step counted. */
    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
