package org.hotcell.study.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.hotcell.study.CurvePoint;
import org.hotcell.study.LengthResult;
import org.hotcell.study.RunConfig;
import org.hotcell.study.RunResult;

/**
 * The report's data files. Numbers are written with {@link Double#toString} (shortest text that reads back to the
 * same double), so the same runs give byte-identical files wherever they ran.
 */
public final class ResultsCsv {
    /** The columns that name a run, first in every file. */
    public static final List<String> RUN_COLUMNS = List.of("task", "length", "cell", "gate", "candidate", "output",
            "optimizer", "learning_rate", "clip", "stop_when_solved", "hidden", "batch", "budget", "seed");
    /** The columns of results.csv after the run's, in order. */
    public static final List<String> RESULT_COLUMNS = List.of("metric", "threshold", "initial_metric",
            "final_metric", "solved_step", "steps_trained", "diverged_step", "max_abs_c", "max_abs_h",
            "grad_norm_mean", "grad_norm_max", "state_fall_share", "state_negative_share", "dead_unit_share",
            "longer_lengths", "divergence");
    /** The columns of curves.csv after the run's. */
    public static final List<String> CURVE_COLUMNS = List.of("step", "train_loss", "metric", "max_abs_c",
            "max_abs_h", "grad_norm");
    /** The columns of flow.csv after the run's. */
    public static final List<String> FLOW_COLUMNS = List.of("when", "position", "norm");

    private ResultsCsv() {
    }

    /** results.csv's text. */
    public static String results(List<RunResult> results) {
        StringBuilder csv = header(RESULT_COLUMNS);
        for (RunResult r : results) {
            StringJoiner longer = new StringJoiner(" ");
            for (LengthResult l : r.lengths()) {
                longer.add(l.length() + ":" + number(l.metric()) + ":" + number(l.maxAbsC()));
            }
            List<String> row = new ArrayList<>(run(r));
            row.addAll(List.of(r.config().setting().goal().metric(), number(r.config().setting().goal().threshold()),
                    number(r.initialMetric()), number(r.finalMetric()), step(r.solvedStep()),
                    String.valueOf(r.stepsTrained()), step(r.divergedStep()), number(r.maxAbsC()),
                    number(r.maxAbsH()), number(r.gradNormMean()), number(r.gradNormMax()),
                    number(r.state().fallShare()), number(r.state().negativeShare()), number(r.state().deadShare()),
                    longer.toString(), field(r.divergence())));
            csv.append(String.join(",", row)).append('\n');
        }
        return csv.toString();
    }

    /** curves.csv's text. */
    public static String curves(List<RunResult> results) {
        StringBuilder csv = header(CURVE_COLUMNS);
        for (RunResult r : results) {
            String run = String.join(",", run(r));
            for (CurvePoint p : r.curve()) {
                csv.append(run).append(',').append(String.join(",", List.of(String.valueOf(p.step()),
                        number(p.trainLoss()), number(p.metric()), number(p.maxAbsC()), number(p.maxAbsH()),
                        number(p.gradNorm())))).append('\n');
            }
        }
        return csv.toString();
    }

    /** flow.csv's text: each probed position's gradient norm, before and after training. */
    public static String flow(List<RunResult> results) {
        StringBuilder csv = header(FLOW_COLUMNS);
        for (RunResult r : results) {
            String run = String.join(",", run(r));
            List<Integer> positions = org.hotcell.study.internal.run.FlowPositions.of(r.config().setting().length());
            appendFlow(csv, run, "before", positions, r.flowBefore());
            appendFlow(csv, run, "after", positions, r.flowAfter());
        }
        return csv.toString();
    }

    private static void appendFlow(StringBuilder csv, String run, String when, List<Integer> positions,
                                   List<Double> norms) {
        for (int i = 0; i < norms.size() && i < positions.size(); i++) {
            csv.append(run).append(',').append(when).append(',').append(positions.get(i)).append(',')
                    .append(number(norms.get(i))).append('\n');
        }
    }

    private static StringBuilder header(List<String> columns) {
        List<String> all = new ArrayList<>(RUN_COLUMNS);
        all.addAll(columns);
        return new StringBuilder(String.join(",", all)).append('\n');
    }

    private static List<String> run(RunResult r) {
        RunConfig c = r.config();
        return List.of(c.setting().task(), String.valueOf(c.setting().length()), c.cell(), field(c.gate()),
                field(c.candidate()), field(c.output()), c.recipe().optimizer(), number(c.recipe().learningRate()),
                number(c.recipe().clip()), String.valueOf(c.recipe().stopWhenSolved()),
                String.valueOf(c.setting().hidden()), String.valueOf(c.setting().batch()),
                String.valueOf(c.setting().steps()), String.valueOf(r.spec().seed()));
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
