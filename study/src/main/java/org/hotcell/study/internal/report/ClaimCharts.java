package org.hotcell.study.internal.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.hotcell.study.CurvePoint;
import org.hotcell.study.RunResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The claims' plots, drawn with XChart into PNG bytes (headless: no window is ever opened): bars with 95%
 * intervals, lines, and learning curves.
 */
public final class ClaimCharts {
    static final int WIDTH = 760;
    static final int HEIGHT = 420;

    static {
        // Plots are drawn off screen; without this a machine with no display fails on the first font lookup.
        System.setProperty("java.awt.headless", "true");
    }

    private ClaimCharts() {
    }

    /**
     * One bar per name, with its interval (when given) drawn as two markers, the low and the high end: XChart's
     * error bars are symmetric, and a share's Wilson interval is not (a bar at 1.0 would show an error above 1).
     */
    public static byte[] bars(String title, String yTitle, List<String> names, double[] values, double[] low,
                              double[] high) {
        CategoryChart chart = categoryChart(title, yTitle, names.size());
        CategorySeries series = chart.addSeries(yTitle, names, toList(finite(values)));
        series.setFillColor(new Color(70, 120, 180));
        if (low != null) {
            for (Map.Entry<String, double[]> end : Map.of("95% CI low", low, "95% CI high", high).entrySet()
                    .stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
                CategorySeries interval = chart.addSeries(end.getKey(), names, toList(finite(end.getValue())));
                interval.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
                interval.setMarker(SeriesMarkers.DIAMOND);
                interval.setMarkerColor(Color.BLACK);
            }
            chart.getStyler().setOverlapped(true);
            // Shares: always the whole 0..1 scale, so plots of different claims compare at a glance.
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(1.0);
            chart.getStyler().setYAxisDecimalPattern("0.0");
        } else {
            chart.getStyler().setLegendVisible(false);
        }
        return png(chart);
    }

    /** Bars in groups: one group per category, one series per map entry (each value per category). */
    public static byte[] groupedBars(String title, String yTitle, List<String> categories,
                                     Map<String, double[]> series, boolean log) {
        CategoryChart chart = categoryChart(title, yTitle, categories.size() * Math.max(1, series.size()));
        chart.getStyler().setYAxisLogarithmic(log);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] v = finite(e.getValue());
            if (log) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.max(v[i], 1e-12);
                }
            }
            chart.addSeries(e.getKey(), categories, toList(v));
        }
        return png(chart);
    }

    /** Lines: each entry's {x, y} arrays; values a log axis cannot show are left out. */
    public static byte[] lines(String title, String xTitle, String yTitle, Map<String, double[][]> series,
                               boolean logScale) {
        // A log axis over less than a decade gets no tick labels in XChart: use it only when the data span one.
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[][] xy : series.values()) {
            for (double v : xy[1]) {
                if (Double.isFinite(v) && v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        boolean logY = logScale && max >= 10 * min;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle + (logY ? " (log scale)" : "")).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(4);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < e.getValue()[0].length; i++) {
                double v = e.getValue()[1][i];
                if (Double.isFinite(v) && (!logY || v > 0)) {
                    x.add(e.getValue()[0][i]);
                    y.add(v);
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries(e.getKey(), x, y);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("(no finite values)", new double[] {0}, new double[] {logY ? 1 : 0});
        }
        return png(chart);
    }

    /**
     * Learning curves: per arm, the median over seeds of the test metric at each recorded step. A run that
     * stopped once solved keeps its last value (it stays solved); a diverged run counts as NaN from there on and
     * drops out of the median.
     */
    public static byte[] curves(String title, String metric, Map<String, List<RunResult>> arms) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunResult>> arm : arms.entrySet()) {
            TreeSet<Integer> steps = new TreeSet<>();
            for (RunResult r : arm.getValue()) {
                r.curve().forEach(p -> steps.add(p.step()));
            }
            double[] x = steps.stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                int step = (int) x[i];
                double[] values = arm.getValue().stream().mapToDouble(r -> at(r, step)).filter(Double::isFinite)
                        .toArray();
                Arrays.sort(values);
                y[i] = values.length == 0 ? Double.NaN : values[(values.length - 1) / 2];
            }
            series.put(arm.getKey(), new double[][] {x, y});
        }
        return lines(title, "step", "median " + metric, series, true);
    }

    private static double at(RunResult r, int step) {
        double value = Double.NaN;
        for (CurvePoint p : r.curve()) {
            if (p.step() > step) {
                break;
            }
            value = p.metric();
        }
        if (r.diverged() && step > r.divergedStep()) {
            return Double.NaN;
        }
        return value;
    }

    private static CategoryChart categoryChart(String title, String yTitle, int bars) {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(WIDTH, 60 * bars + 200)).height(HEIGHT)
                .title(title).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(30);
        return chart;
    }

    private static double[] finite(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = 0;
            }
        }
        return out;
    }

    private static List<Double> toList(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }
}
