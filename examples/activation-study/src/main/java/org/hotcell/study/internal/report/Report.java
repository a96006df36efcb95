package org.hotcell.study.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hotcell.study.Goal;
import org.hotcell.study.RunResult;
import org.hotcell.study.StudyPlan;
import org.hotcell.study.TaskSetting;

/**
 * Writes the report directory: {@code index.html} (self-contained: styles inline, every plot embedded as a
 * base64 PNG, so it opens offline and can be mailed alone), the same plots as files under {@code plots/},
 * {@code results.csv} and {@code curves.csv}.
 */
public final class Report {
    private Report() {
    }

    /** A plot: its file name and PNG bytes. */
    record Plot(String file, String caption, byte[] png) {
    }

    /**
     * Writes the report.
     *
     * @param how lines saying how the study was run (grid, threads, time), shown at the top
     * @return the index.html written
     */
    public static Path write(Path dir, StudyPlan plan, List<RunResult> results, List<String> how) {
        try {
            Path plots = Files.createDirectories(dir.resolve("plots"));
            Files.writeString(dir.resolve("results.csv"), ResultsCsv.results(results), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("curves.csv"), ResultsCsv.curves(results), StandardCharsets.UTF_8);
            List<String> summary = Summary.sentences(results);
            Html html = new Html();
            html.head("Hotcell activation study");
            html.raw("<h1>Why sigmoid gates and a tanh candidate? Can ReLU do instead?</h1>\n");
            html.raw("<p>Each run trains one recurrent layer with a dense head on a built-in task, with one gate "
                    + "function for every gate and one candidate function (for an LSTM also its output function). "
                    + "The numbers below are measured, and the summary is computed from them.</p>\n");
            html.list("How this was run", how);
            html.list("Tasks", plan.tasks().stream().map(TaskSetting::describe).toList());
            html.list("Summary", summary);
            html.raw("<p>Data: <a href=\"results.csv\">results.csv</a> (one row per run), "
                    + "<a href=\"curves.csv\">curves.csv</a> (every recorded step of every run).</p>\n");
            for (Map.Entry<String, List<RunResult>> task : Grouping.byTask(results).entrySet()) {
                html.raw("<h2>" + Html.escape(task.getKey()) + "</h2>\n");
                for (Plot plot : plots(task.getKey(), task.getValue())) {
                    Files.write(plots.resolve(plot.file()), plot.png());
                    html.image(plot.caption(), "plots/" + plot.file(), plot.png());
                }
                html.table(table(task.getValue()));
            }
            html.raw("</body></html>\n");
            Path index = dir.resolve("index.html");
            Files.writeString(index, html.text(), StandardCharsets.UTF_8);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study report to " + dir, e);
        }
    }

    /** The plots of one task: heat maps per cell, then learning curves and cell-state growth per cell and gate. */
    static List<Plot> plots(String task, List<RunResult> runs) {
        List<Plot> plots = new ArrayList<>();
        List<String> cells = Grouping.distinct(runs, r -> r.spec().cell());
        List<String> gates = Grouping.distinct(runs, r -> r.spec().gate());
        for (String cell : cells) {
            add(plots, task + "-" + cell + "-heatmap.png", "Final metric by gate and candidate, " + cell,
                    Charts.heatMap(task, cell, runs));
        }
        for (String cell : cells) {
            for (String gate : gates) {
                add(plots, task + "-" + cell + "-" + gate + "-curves.png",
                        "Learning curves per candidate, " + cell + " with " + gate + " gates",
                        Charts.learningCurves(task, cell, gate, runs));
                add(plots, task + "-" + cell + "-" + gate + "-cell-state.png",
                        "Cell-state growth per candidate, " + cell + " with " + gate + " gates",
                        Charts.cellState(task, cell, gate, runs));
            }
        }
        return plots;
    }

    private static void add(List<Plot> plots, String file, String caption, byte[] png) {
        if (png != null) {
            plots.add(new Plot(file.replaceAll("[^A-Za-z0-9._-]", "_"), caption, png));
        }
    }

    /** A row per configuration: seeds solved, median steps, diverged, mean final metric, max |c|, gradient norm. */
    static List<List<String>> table(List<RunResult> runs) {
        Goal goal = runs.get(0).spec().setting().goal();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("cell", "gate", "candidate", "solved (" + goal.describe() + ")", "median steps to solve",
                "diverged (first step)", "mean final " + goal.metric(), "max |c|", "max |h|", "mean |grad|"));
        for (List<RunResult> seeds : Grouping.byConfiguration(runs).values()) {
            var spec = seeds.get(0).spec();
            List<Integer> solved = seeds.stream().filter(RunResult::solved).map(RunResult::solvedStep).toList();
            List<String> diverged = seeds.stream().filter(RunResult::diverged)
                    .map(r -> String.valueOf(r.divergedStep())).toList();
            rows.add(List.of(spec.cell(), spec.gate(), spec.candidate(), solved.size() + " of " + seeds.size(),
                    solved.isEmpty() ? "" : String.valueOf((long) Grouping.median(solved)),
                    diverged.size() + " of " + seeds.size() + (diverged.isEmpty() ? "" : " (" + String.join(", ",
                            diverged) + ")"),
                    Summary.number(Grouping.meanFinite(seeds, RunResult::finalMetric)),
                    Summary.number(seeds.stream().mapToDouble(RunResult::maxAbsC).max().orElse(Double.NaN)),
                    Summary.number(seeds.stream().mapToDouble(RunResult::maxAbsH).max().orElse(Double.NaN)),
                    Summary.number(Grouping.meanFinite(seeds, RunResult::gradNormMean))));
        }
        return rows;
    }

    /** A tiny HTML writer: everything escaped, styles inline. */
    static final class Html {
        private final StringBuilder text = new StringBuilder();

        void head(String title) {
            text.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                    .append(escape(title)).append("</title>\n<style>\n")
                    .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n")
                    .append("table{border-collapse:collapse;font-size:0.9em;margin:1em 0}\n")
                    .append("td,th{border:1px solid #ccc;padding:0.25em 0.6em;text-align:left}\n")
                    .append("th{background:#f3f3f3}\nfigure{margin:1em 0}\nimg{max-width:100%}\n")
                    .append("figcaption{font-size:0.9em;color:#555}\n</style></head><body>\n");
        }

        void raw(String html) {
            text.append(html);
        }

        void list(String heading, List<String> items) {
            text.append("<h2>").append(escape(heading)).append("</h2>\n<ul>\n");
            for (String item : items) {
                text.append("<li>").append(escape(item)).append("</li>\n");
            }
            text.append("</ul>\n");
        }

        void image(String caption, String file, byte[] png) {
            text.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption))
                    .append(" (<a href=\"").append(escape(file)).append("\">").append(escape(file))
                    .append("</a>)</figcaption></figure>\n");
        }

        void table(List<List<String>> rows) {
            text.append("<table>\n");
            for (int i = 0; i < rows.size(); i++) {
                String cell = i == 0 ? "th" : "td";
                text.append("<tr>");
                for (String value : rows.get(i)) {
                    text.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell)
                            .append('>');
                }
                text.append("</tr>\n");
            }
            text.append("</table>\n");
        }

        String text() {
            return text.toString();
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
