package org.hotcell.study.internal.report;

import java.util.List;

import org.hotcell.study.CurvePoint;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;

/**
 * The study's CSV files: {@code results.csv} with one row per run and {@code curves.csv} with one row per recorded
 * point of each run. Numbers are written with {@link Double#toString} (exact and locale-free); a missing value
 * (no solve, no divergence, NaN) is an empty field.
 */
public final class ResultsCsv {
    /** The columns of results.csv, in order. */
    public static final List<String> COLUMNS = List.of("task", "length", "cell", "gate", "candidate", "seed",
            "steps", "hidden", "metric", "threshold", "initial_metric", "final_metric", "solved_step",
            "diverged_step", "max_abs_c", "max_abs_h", "grad_norm_mean", "grad_norm_max", "layer_grad_norm_mean",
            "divergence");

    /** The columns of curves.csv, in order. */
    public static final List<String> CURVE_COLUMNS = List.of("task", "cell", "gate", "candidate", "seed", "step",
            "train_loss", "metric", "max_abs_c", "max_abs_h", "grad_norm");

    private ResultsCsv() {
    }

    /** results.csv's text. */
    public static String results(List<RunResult> results) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (RunResult r : results) {
            RunSpec s = r.spec();
            csv.append(String.join(",", List.of(s.setting().task(), String.valueOf(s.setting().length()), s.cell(),
                    field(s.gate()), field(s.candidate()), String.valueOf(s.seed()),
                    String.valueOf(s.setting().steps()),
                    String.valueOf(s.setting().hidden()), s.setting().goal().metric(),
                    number(s.setting().goal().threshold()), number(r.initialMetric()), number(r.finalMetric()),
                    step(r.solvedStep()), step(r.divergedStep()), number(r.maxAbsC()), number(r.maxAbsH()),
                    number(r.gradNormMean()), number(r.gradNormMax()), number(r.layerGradNormMean()),
                    field(r.divergence())))).append('\n');
        }
        return csv.toString();
    }

    /** curves.csv's text. */
    public static String curves(List<RunResult> results) {
        StringBuilder csv = new StringBuilder(String.join(",", CURVE_COLUMNS)).append('\n');
        for (RunResult r : results) {
            RunSpec s = r.spec();
            for (CurvePoint p : r.curve()) {
                csv.append(String.join(",", List.of(s.setting().task(), s.cell(), field(s.gate()),
                        field(s.candidate()),
                        String.valueOf(s.seed()), String.valueOf(p.step()), number(p.trainLoss()), number(p.metric()),
                        number(p.maxAbsC()), number(p.maxAbsH()), number(p.gradNorm())))).append('\n');
            }
        }
        return csv.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static String step(int step) {
        return step < 0 ? "" : String.valueOf(step);
    }

    /** A text field, quoted (RFC 4180) when it holds a comma, a quote or a line break, as a spec may. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
