package org.hotcell.bench.load;

import java.util.Locale;

/**
 * What one level of open streams measured.
 *
 * @param wanted        the streams the level asked for
 * @param open          the streams actually open during the steps (fewer only when creation was capped)
 * @param createSeconds wall time of creating them
 * @param steps         steps answered
 * @param stepSeconds   wall time of the steps
 * @param p50Ms         median latency of one step, milliseconds
 * @param p99Ms         99th percentile latency of one step, milliseconds
 * @param errors        wrong answers (status, shape or transport); any one fails the run
 * @param deleteSeconds wall time of deleting the streams afterwards, or -1 when they were left to the server's end
 */
record LevelResult(int wanted, int open, double createSeconds, long steps, double stepSeconds, double p50Ms,
        double p99Ms, long errors, double deleteSeconds) {

    double createPerSecond() {
        return createSeconds > 0 ? open / createSeconds : 0;
    }

    double stepsPerSecond() {
        return stepSeconds > 0 ? steps / stepSeconds : 0;
    }

    /** The markdown table row: open streams, create streams/s, steps/s, p50 ms, p99 ms, errors. */
    String row() {
        String streams = open == wanted ? String.format(Locale.ROOT, "%,d", open)
                : String.format(Locale.ROOT, "%,d (capped; %,d asked)", open, wanted);
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %.2f | %d |", streams, createPerSecond(),
                stepsPerSecond(), p50Ms, p99Ms, errors);
    }
}
