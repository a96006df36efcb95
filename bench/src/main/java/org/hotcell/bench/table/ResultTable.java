package org.hotcell.bench.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hotcell.bench.recurrent.Workload;

/**
 * The suite's table, from measurements of one run.
 *
 * <ul>
 *   <li>GFLOP/s = FLOP of one call / median time ({@link Measurement#gflops()}); LSTM forward counts
 *       {@code 8*T*N*H*(I+H)}, GRU {@code 6*T*N*H*(I+H)}, a training step 3x the forward.</li>
 *   <li>% of peak = GFLOP/s / (measured single-core FMA peak x threads).</li>
 *   <li>Ratios are of median times, Hotcell SIMD over the peer: below 1 means Hotcell is faster.</li>
 *   <li>train/fwd = training GFLOP/s / forward GFLOP/s on the same shape and threads (target: 0.6 or more).</li>
 *   <li>cost over tanh = time with another candidate activation / time with tanh - 1, same shape and task.</li>
 * </ul>
 * A missing measurement (a peer that was not run, or a benchmark whose self-check failed) prints as {@code -}.
 */
public final class ResultTable {
    private static final String NONE = "-";

    private final List<Measurement> measurements;
    private final String header;

    /**
     * @param measurements every measurement of the run
     * @param header       lines printed above the tables (machine, peer settings, load)
     */
    public ResultTable(List<Measurement> measurements, String header) {
        this.measurements = List.copyOf(measurements);
        this.header = header;
    }

    /** The single-core FP32 FMA peak measured in this run, GFLOP/s, if the peak kernel ran. */
    public Optional<Double> peakPerCore() {
        return measurements.stream().filter(m -> m.task().equals(Measurement.FMA_PEAK))
                .map(Measurement::gflops).max(Double::compare);
    }

    /** {@code 100 * gflops / (peakPerCore * threads)}, or empty without a peak. */
    public Optional<Double> percentOfPeak(double gflops, int threads) {
        return peakPerCore().map(peak -> 100 * gflops / (peak * threads));
    }

    /** Median time of Hotcell over median time of the peer. */
    public static double ratio(double hotcellMs, double peerMs) {
        return hotcellMs / peerMs;
    }

    /** The measurement of an engine and task on a key at a thread count. */
    public Optional<Measurement> find(String engine, String task, String key, int threads) {
        return measurements.stream().filter(m -> m.engine().equals(engine) && m.task().equals(task)
                && m.key().equals(key) && m.threads() == threads).findFirst();
    }

    /** The whole report as Markdown. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(header).append("\n\n");
        out.append("FP32 FMA peak, 1 core: ").append(peakPerCore().map(p -> fmt("%.1f GFLOP/s", p)).orElse(NONE))
                .append("\n\n");
        renderKernels(out);
        renderForward(out);
        renderTraining(out);
        renderActivationCost(out);
        return out.toString();
    }

    private void renderKernels(StringBuilder out) {
        List<Measurement> gemms = measurements.stream().filter(m -> m.task().equals(Measurement.GEMM)).toList();
        if (gemms.isEmpty()) {
            return;
        }
        out.append("### SIMD GEMM alone (Backend.multiply, Y = X . W^T, W = 4H x H)\n\n");
        out.append("| shape | threads | median ms | GFLOP/s | % of peak |\n|---|---|---|---|---|\n");
        for (Measurement m : gemms) {
            out.append("| ").append(m.key()).append(" | ").append(m.threads()).append(" | ").append(ms(m.medianMs()))
                    .append(" | ").append(rate(m.gflops())).append(" | ").append(percent(m.gflops(), m.threads()))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private void renderForward(StringBuilder out) {
        out.append("### Forward inference\n\n");
        out.append("| workload (cell/TxNxH/act) | threads | SIMD ms | SIMD GFLOP/s | % of peak | reference ms (1 thr)"
                + " | ORT ms | ORT GFLOP/s | DL4J ms | DL4J GFLOP/s | SIMD/ORT | SIMD/DL4J |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Case c : cases(Measurement.FORWARD)) {
            Optional<Measurement> simd = find(Measurement.SIMD, Measurement.FORWARD, c.key, c.threads);
            Optional<Measurement> reference = find(Measurement.REFERENCE, Measurement.FORWARD, c.key, 1);
            Optional<Measurement> ort = find(Measurement.ORT, Measurement.FORWARD, c.key, c.threads);
            Optional<Measurement> dl4j = find(Measurement.DL4J, Measurement.FORWARD, c.key, c.threads);
            out.append("| ").append(c.key).append(" | ").append(c.threads)
                    .append(" | ").append(simd.map(m -> ms(m.medianMs())).orElse(NONE))
                    .append(" | ").append(simd.map(m -> rate(m.gflops())).orElse(NONE))
                    .append(" | ").append(simd.map(m -> percent(m.gflops(), m.threads())).orElse(NONE))
                    .append(" | ").append(reference.map(m -> ms(m.medianMs())).orElse(NONE))
                    .append(" | ").append(ort.map(m -> ms(m.medianMs())).orElse(NONE))
                    .append(" | ").append(ort.map(m -> rate(m.gflops())).orElse(NONE))
                    .append(" | ").append(dl4j.map(m -> ms(m.medianMs())).orElse(NONE))
                    .append(" | ").append(dl4j.map(m -> rate(m.gflops())).orElse(NONE))
                    .append(" | ").append(ratioText(simd, ort))
                    .append(" | ").append(ratioText(simd, dl4j)).append(" |\n");
        }
        out.append('\n');
    }

    private void renderTraining(StringBuilder out) {
        List<Case> cases = cases(Measurement.TRAINING);
        if (cases.isEmpty()) {
            return;
        }
        out.append("### Training step (forward + backward + SGD update; FLOP = 3x forward)\n\n");
        out.append("| workload (cell/TxNxH/act) | threads | SIMD ms | SIMD GFLOP/s | % of peak | train/fwd GFLOP/s"
                + " | DL4J ms | DL4J GFLOP/s | SIMD/DL4J |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Case c : cases) {
            Optional<Measurement> simd = find(Measurement.SIMD, Measurement.TRAINING, c.key, c.threads);
            Optional<Measurement> forward = find(Measurement.SIMD, Measurement.FORWARD, c.key, c.threads);
            Optional<Measurement> dl4j = find(Measurement.DL4J, Measurement.TRAINING, c.key, c.threads);
            String trainOverForward = simd.isPresent() && forward.isPresent()
                    ? fmt("%.2f", simd.get().gflops() / forward.get().gflops()) : NONE;
            out.append("| ").append(c.key).append(" | ").append(c.threads)
                    .append(" | ").append(simd.map(m -> ms(m.medianMs())).orElse(NONE))
                    .append(" | ").append(simd.map(m -> rate(m.gflops())).orElse(NONE))
                    .append(" | ").append(simd.map(m -> percent(m.gflops(), m.threads())).orElse(NONE))
                    .append(" | ").append(trainOverForward)
                    .append(" | ").append(dl4j.map(m -> ms(m.medianMs())).orElse(NONE))
                    .append(" | ").append(dl4j.map(m -> rate(m.gflops())).orElse(NONE))
                    .append(" | ").append(ratioText(simd, dl4j)).append(" |\n");
        }
        out.append('\n');
    }

    private void renderActivationCost(StringBuilder out) {
        List<String[]> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            if (!m.engine().equals(Measurement.SIMD)) {
                continue;
            }
            Workload w = Workload.parse(m.key());
            if (w.activation().equals("tanh") || w.activation().equals("relu")) {
                continue;
            }
            String tanhKey = new Workload(w.cell(), w.steps(), w.batch(), w.hidden(), "tanh").toString();
            find(Measurement.SIMD, m.task(), tanhKey, m.threads()).ifPresent(tanh -> rows.add(new String[] {
                    m.key(), m.task(), String.valueOf(m.threads()), ms(tanh.medianMs()), ms(m.medianMs()),
                    fmt("%+.1f%%", 100 * (m.medianMs() / tanh.medianMs() - 1))}));
        }
        if (rows.isEmpty()) {
            return;
        }
        out.append("### A non-standard activation against tanh (Hotcell SIMD; target: at most +10%)\n\n");
        out.append("| workload | task | threads | tanh ms | this ms | cost over tanh |\n|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        out.append('\n');
    }

    /**
     * The (key, threads) pairs of a task, in the order first measured. The single-threaded reference makes no
     * row of its own: it is shown beside the SIMD backend's rows at every thread count.
     */
    private List<Case> cases(String task) {
        Set<Case> cases = new LinkedHashSet<>();
        for (Measurement m : measurements) {
            if (m.task().equals(task) && !m.engine().equals(Measurement.KERNEL)
                    && !m.engine().equals(Measurement.REFERENCE)) {
                cases.add(new Case(m.key(), m.threads()));
            }
        }
        List<Case> sorted = new ArrayList<>(cases);
        // Keep first-seen order of keys, threads ascending within a key.
        List<String> keys = sorted.stream().map(Case::key).distinct().toList();
        sorted.sort((a, b) -> a.key.equals(b.key) ? Integer.compare(a.threads, b.threads)
                : Integer.compare(keys.indexOf(a.key), keys.indexOf(b.key)));
        return sorted;
    }

    private String percent(double gflops, int threads) {
        return percentOfPeak(gflops, threads).map(p -> fmt("%.0f%%", p)).orElse(NONE);
    }

    private static String ratioText(Optional<Measurement> hotcell, Optional<Measurement> peer) {
        if (hotcell.isEmpty() || peer.isEmpty()) {
            return NONE;
        }
        return fmt("%.2f", ratio(hotcell.get().medianMs(), peer.get().medianMs()));
    }

    private static String ms(double value) {
        return fmt(value < 1 ? "%.4f" : value < 100 ? "%.3f" : "%.1f", value);
    }

    private static String rate(double value) {
        return fmt("%.1f", value);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private record Case(String key, int threads) {
    }
}
