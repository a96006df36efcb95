package org.hotcell.study.internal.run;

import java.io.PrintStream;
import java.util.Locale;

import org.hotcell.study.RunSpec;

/**
 * Progress on stderr. On a terminal: one status line redrawn in place at most five times a second, an overall bar
 * (runs finished of all, time left) and a bar per running run (its label and steps done). Otherwise (a log file,
 * CI): plain lines, one per tenth of the runs, since carriage returns turn a log into one unreadable line.
 * Thread-safe: every worker reports here.
 */
public final class ProgressBars {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final int total;
    private final String[] labels;
    private final int[] steps;
    private final int[] stepTotals;
    private final long start = System.nanoTime();
    private int finished;
    private long lastDraw;
    private int lastWidth;

    private int lastTenth;

    /**
     * @param slots    how many runs can be running at once (the thread count)
     * @param total    runs in the study
     * @param terminal whether {@code err} is a terminal (redraw in place) or not (plain lines)
     */
    public ProgressBars(PrintStream err, int slots, int total, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.labels = new String[slots];
        this.steps = new int[slots];
        this.stepTotals = new int[slots];
    }

    /** A run starts; returns its slot. */
    public synchronized int start(RunSpec run) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                labels[i] = run.config().setting().shortName() + " " + run.config().functions() + " s"
                        + run.seed();
                steps[i] = 0;
                stepTotals[i] = run.config().setting().steps();
                return i;
            }
        }
        throw new IllegalStateException("more runs at once than the " + labels.length + " slots");
    }

    /** The run in {@code slot} finished step {@code step}. */
    public synchronized void step(int slot, int step) {
        steps[slot] = step;
        draw(false);
    }

    /** The run in {@code slot} ended (finished or diverged). */
    public synchronized void finish(int slot) {
        labels[slot] = null;
        finished++;
        draw(true);
    }

    /** Every run ended: ends the line (the last run's finish drew it complete). */
    public synchronized void done() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }

    private void draw(boolean force) {
        if (!terminal) {
            int tenth = total == 0 ? 10 : finished * 10 / total;
            if (force && tenth > lastTenth) {
                lastTenth = tenth;
                double elapsed = (System.nanoTime() - start) / 1e9;
                err.println("study: " + finished + "/" + total + " runs, " + duration(elapsed) + " so far"
                        + (finished < total ? ", about " + duration(elapsed / finished * (total - finished))
                        + " left" : ""));
                err.flush();
            }
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        StringBuilder line = new StringBuilder("\r").append(bar(finished, total, 20)).append(' ').append(finished)
                .append('/').append(total).append(" runs");
        if (finished > 0) {
            line.append(", ").append(duration(elapsed / finished * (total - finished))).append(" left");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != null) {
                line.append(" | ").append(labels[i]).append(' ').append(bar(steps[i], stepTotals[i], 10));
            }
        }
        int width = line.length();
        if (width < lastWidth) {
            line.append(" ".repeat(lastWidth - width));
        }
        lastWidth = width;
        err.print(line);
        err.flush();
    }

    static String bar(int done, int of, int width) {
        int filled = of == 0 ? width : (int) ((long) width * done / of);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** E.g. {@code 4m05s} or {@code 12s}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
