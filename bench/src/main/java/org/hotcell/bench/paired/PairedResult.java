package org.hotcell.bench.paired;

import java.util.Locale;

/**
 * What a paired run measured: the median single-call time of each side and the median over pairs of the
 * ratio {@code b / a} (each pair: one call of each, back to back).
 *
 * @param pairs how many pairs were timed
 */
public record PairedResult(String a, String b, String task, int threads, double medianMsA, double medianMsB,
                           double medianRatio, int pairs) {

    private static final String PREFIX = "paired-result";

    /** One line a parent process can read back with {@link #parse}. */
    public String toLine() {
        return String.join(" ", PREFIX, a, b, task, String.valueOf(threads),
                String.format(Locale.ROOT, "%.6f", medianMsA), String.format(Locale.ROOT, "%.6f", medianMsB),
                String.format(Locale.ROOT, "%.6f", medianRatio), String.valueOf(pairs));
    }

    /** The result of a {@link #toLine} line. */
    public static PairedResult parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 9 || !f[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a paired result line: '" + line + "'");
        }
        return new PairedResult(f[1], f[2], f[3], Integer.parseInt(f[4]), Double.parseDouble(f[5]),
                Double.parseDouble(f[6]), Double.parseDouble(f[7]), Integer.parseInt(f[8]));
    }

    /** Whether {@code line} is one. */
    public static boolean isResultLine(String line) {
        return line.startsWith(PREFIX + " ");
    }
}
