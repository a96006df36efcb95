package org.hotcell.study.internal.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.hotcell.study.CurvePoint;
import org.hotcell.study.Goal;
import org.hotcell.study.RunResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn with XChart into PNG bytes (headless: no window is ever opened). A series averages
 * the seeds of one configuration at each recorded step, over the seeds still running there.
 */
public final class Charts {
    static final int WIDTH = 720;
    static final int HEIGHT = 420;

    static {
        // Plots are drawn off screen; without this a machine with no display fails on the first font lookup.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * The test metric over training, a line per candidate function, for one task, cell and gate function; null
     * when no run has a finite point. Errors are drawn on a logarithmic axis.
     */
    public static byte[] learningCurves(String task, String cell, String gate, List<RunResult> runs) {
        Goal goal = runs.get(0).spec().setting().goal();
        boolean log = !goal.higherIsBetter();
        XYChart chart = xyChart(task + ": " + goal.metric() + " over training (" + cell + ", " + gate + " gates)",
                goal.metric(), log);
        for (String candidate : Grouping.distinct(runs, r -> r.spec().candidate())) {
            List<RunResult> mine = runs.stream().filter(r -> r.spec().cell().equals(cell)
                    && r.spec().gate().equals(gate) && r.spec().candidate().equals(candidate)).toList();
            addSeries(chart, candidate, mine, CurvePoint::metric, log, true);
        }
        return chart.getSeriesMap().isEmpty() ? null : png(chart);
    }

    /**
     * How far the cell state grows: max |c| over training, a line per candidate function, for one task, cell and
     * gate function, on a logarithmic axis; null when the cell has no cell state (GRU) or nothing was recorded.
     */
    public static byte[] cellState(String task, String cell, String gate, List<RunResult> runs) {
        XYChart chart = xyChart(task + ": max |c| over training (" + cell + ", " + gate + " gates)", "max |c|", true);
        for (String candidate : Grouping.distinct(runs, r -> r.spec().candidate())) {
            List<RunResult> mine = runs.stream().filter(r -> r.spec().cell().equals(cell)
                    && r.spec().gate().equals(gate) && r.spec().candidate().equals(candidate)).toList();
            addSeries(chart, candidate, mine, CurvePoint::maxAbsC, true, false);
        }
        return chart.getSeriesMap().isEmpty() ? null : png(chart);
    }

    /**
     * The final test metric (mean over the seeds that stayed finite) by gate function (rows) and candidate
     * function (columns) for one task and cell; a configuration whose every seed diverged is left blank. Null
     * when no run finished.
     */
    public static byte[] heatMap(String task, String cell, List<RunResult> runs) {
        Goal goal = runs.get(0).spec().setting().goal();
        List<RunResult> mine = runs.stream().filter(r -> r.spec().cell().equals(cell)).toList();
        List<String> candidates = Grouping.distinct(mine, r -> r.spec().candidate());
        List<String> gates = Grouping.distinct(mine, r -> r.spec().gate());
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < candidates.size(); x++) {
            for (int y = 0; y < gates.size(); y++) {
                String candidate = candidates.get(x);
                String gate = gates.get(y);
                double mean = Grouping.meanFinite(mine.stream().filter(r -> r.spec().candidate().equals(candidate)
                        && r.spec().gate().equals(gate)).toList(), RunResult::finalMetric);
                if (Double.isFinite(mean)) {
                    // Three significant digits keep the printed values readable.
                    double shown = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", mean));
                    cells.add(new Number[] {x, y, shown});
                    min = Math.min(min, shown);
                    max = Math.max(max, shown);
                }
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        // Wide enough that candidate names do not overlap on the axis.
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(WIDTH, 110 * candidates.size() + 260))
                .height(Math.max(240, 90 * gates.size() + 150))
                .title(task + ": final " + goal.metric() + " (" + cell + "; " + (goal.higherIsBetter() ? "higher"
                        : "lower") + " is better)").xAxisTitle("candidate" + (cell.equals("lstm") ? " and output" : ""))
                .yAxisTitle("gates").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setMin(min);
        chart.getStyler().setMax(max > min ? max : min + 1e-9);
        // Green is good: the scale runs towards green as the metric improves.
        Color good = new Color(46, 160, 67);
        Color bad = new Color(215, 58, 73);
        chart.getStyler().setRangeColors(goal.higherIsBetter() ? new Color[] {bad, Color.YELLOW, good}
                : new Color[] {good, Color.YELLOW, bad});
        chart.addSeries(goal.metric(), candidates, gates, cells);
        return png(chart);
    }

    private static XYChart xyChart(String title, String yTitle, boolean log) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("step")
                .yAxisTitle(yTitle + (log ? " (log scale)" : "")).build();
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    /** Adds the seeds' mean of {@code value} at each recorded step, skipping values a log axis cannot show. */
    private static void addSeries(XYChart chart, String name, List<RunResult> runs,
                                  ToDoubleFunction<CurvePoint> value, boolean log, boolean includeStart) {
        TreeMap<Integer, double[]> sums = new TreeMap<>();
        for (RunResult r : runs) {
            for (CurvePoint p : r.curve()) {
                double v = value.applyAsDouble(p);
                if ((p.step() == 0 && !includeStart) || !Double.isFinite(v) || (log && v <= 0)) {
                    continue;
                }
                double[] sum = sums.computeIfAbsent(p.step(), k -> new double[2]);
                sum[0] += v;
                sum[1]++;
            }
        }
        if (sums.isEmpty()) {
            return;
        }
        double[] x = new double[sums.size()];
        double[] y = new double[sums.size()];
        int i = 0;
        for (var e : sums.entrySet()) {
            x[i] = e.getKey();
            y[i++] = e.getValue()[0] / e.getValue()[1];
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }
}
