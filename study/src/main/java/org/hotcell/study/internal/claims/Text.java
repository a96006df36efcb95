package org.hotcell.study.internal.claims;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.hotcell.study.RunResult;
import org.hotcell.study.internal.stats.Median;

/** Shared wording of the findings. */
final class Text {
    private Text() {
    }

    /** The command that reruns one claim with the default seeds. */
    static String command(int claim) {
        return "./hotcell study --claims " + claim;
    }

    /** The plot's file name. */
    static String plot(int claim) {
        return "claim-" + claim + ".png";
    }

    /** Median over seeds of the largest |c| during training, per arm. */
    static String maxC(Map<String, List<RunResult>> runs) {
        StringJoiner j = new StringJoiner(", ", "median of max |c| over training: ", "");
        runs.forEach((name, r) -> j.add(name + " " + number(Median.of(Outcomes.finite(r,
                RunResult::maxAbsC)))));
        return j.toString();
    }

    /** Three significant digits, plain for moderate values. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return a != 0 && (a >= 1e4 || a < 1e-3) ? String.format(Locale.ROOT, "%.2e", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
