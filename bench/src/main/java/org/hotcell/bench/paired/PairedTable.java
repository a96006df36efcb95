package org.hotcell.bench.paired;

import java.util.List;
import java.util.Locale;

/** The suite's section for paired activation costs. */
public final class PairedTable {
    private PairedTable() {
    }

    /** A Markdown section, or "" for no results. */
    public static String render(List<PairedResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        text.append("\n### A non-standard activation against tanh, paired (target: at most +10%)\n\n");
        text.append("Both workloads in one JVM, each on its own backend, calls alternating (order flipped every"
                + " pair) after a warm-up; the cost is the median over pairs of (this / tanh) - 1, which cancels"
                + " the machine's drift that separate forks see.\n\n");
        text.append("| workload | task | threads | tanh ms | this ms | pairs | cost over tanh |\n");
        text.append("|---|---|---|---|---|---|---|\n");
        for (PairedResult r : results) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %d | %+.1f%% |%n", r.b(), r.task(),
                    r.threads(), ms(r.medianMsA()), ms(r.medianMsB()), r.pairs(), 100 * (r.medianRatio() - 1)));
        }
        return text.toString();
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.3f", value);
    }
}
