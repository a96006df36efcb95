package org.hotcell.runtime.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.hotcell.model.train.StepReport;
import org.hotcell.model.train.TrainingListener;

/**
 * A one-line progress bar on stderr, redrawn in place at most ten times a second: the step, the loss (the mean
 * over the last {@value #WINDOW} steps, as one batch's loss is noisy; a window rather than a decaying average, so
 * that an early blow-up does not linger in the figure), the gradient norm, the largest |c| and the time left.
 */
final class TrainProgress implements TrainingListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WINDOW = 50;

    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastDraw;
    private final double[] recent = new double[WINDOW];

    TrainProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void onStep(StepReport report, int total) {
        recent[(report.step() - 1) % WINDOW] = report.loss();
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && report.step() != total) {
            return;
        }
        lastDraw = now;
        int count = Math.min(report.step(), WINDOW);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += recent[i];
        }
        double smoothed = sum / count;
        int filled = (int) ((long) WIDTH * report.step() / total);
        double elapsed = (now - start) / 1e9;
        double left = elapsed / report.step() * (total - report.step());
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d loss %.4g |grad| %.3g max|c| %.3g %s left ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), report.step(), total, smoothed, report.gradientNorm(),
                report.maxAbsC(), duration(left)));
        if (report.step() == total) {
            err.println();
        }
        err.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
