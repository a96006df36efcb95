package org.hotcell.bench.paired;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The suite's sections for the paired measurements. */
public final class PairedTable {
    private PairedTable() {
    }

    /** A Markdown section, or "" for no results. */
    public static String render(List<PairedResult> results) {
        return section(results, "A non-standard activation against tanh, paired (target: at most +10%)",
                "Both workloads in one JVM, each on its own backend, calls alternating (order flipped every pair)"
                        + " after a warm-up; the cost is the median over pairs of (this / tanh) - 1, which cancels"
                        + " the machine's drift that separate forks see.",
                "| workload | task | threads | tanh ms | this ms | pairs | cost over tanh |",
                r -> String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %d | %+.1f%% |", r.b(), r.task(),
                        r.threads(), ms(r.medianMsA()), ms(r.medianMsB()), r.pairs(), 100 * (r.medianRatio() - 1)));
    }

    /** The section for paired runs against ONNX Runtime ({@code a = onnxruntime}), or "" for none. */
    public static String renderAgainstOnnxRuntime(List<PairedResult> results) {
        return section(results, "Hotcell SIMD against ONNX Runtime, paired (forward)",
                "Both engines in one JVM on the same input with the same thread count, calls alternating (order"
                        + " flipped every pair) after a warm-up; the ratio is the median over pairs of Hotcell / ONNX"
                        + " Runtime (below 1: Hotcell faster). A run with more than one thread pauses (untimed, as long"
                        + " as its row says) before each call, since each engine's pool spins after its call and"
                        + " would take the second core from the other's next call; a warm call then follows one"
                        + " untimed call of the same engine, so it finds its threads just used. Such a run warms up"
                        + " back to back first, so that the JIT has compiled what a call runs once per step.",
                "| workload | threads | calls | ORT ms | SIMD ms | pairs | SIMD/ORT |",
                r -> String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %d | %.2f |", r.b(), r.threads(),
                        calls(r), ms(r.medianMsA()), ms(r.medianMsB()), r.pairs(), r.medianRatio()));
    }

    /**
     * How a paired run against ONNX Runtime spaced its calls, from its task: {@code forward} back to back,
     * {@code forward@Pms} after a pause of P ms, {@code forward-warm@Pms} after the pause and a warm call.
     */
    static String calls(PairedResult r) {
        String task = r.task();
        int at = task.indexOf('@');
        if (at < 0) {
            return "back to back";
        }
        String pause = "after " + task.substring(at + 1, task.length() - "ms".length()) + " ms";
        return isWarm(r) ? "warm, " + pause : pause;
    }

    private static boolean isWarm(PairedResult r) {
        return r.task().startsWith("forward-warm");
    }

    /**
     * The section for the product alone against ONNX Runtime's MatMul ({@code a = onnxruntime},
     * {@code b = gemm/MxNxK}), or "" for none. Each side's rate is given as a share of {@code peakGflops} (the FMA
     * peak measured once, before the paired runs) and, where {@code peaks} holds the shape's rows
     * ({@link #isPeakProbe}), as its share of the FMA probe timed in the same rounds: the median over rounds of
     * (product's rate / probe's rate).
     */
    public static String renderGemmAgainstOnnxRuntime(List<PairedResult> results, List<PairedResult> peaks,
                                                      double peakGflops) {
        return section(results, "SIMD GEMM against ONNX Runtime's MatMul, paired (1 thread)",
                "Y = X . W^T alone (m x k times k x n, W packed once), in one JVM with an FMA peak probe: rounds"
                        + " of one ONNX Runtime call, one Hotcell call and one probe run as long as a Hotcell call,"
                        + " the first of each round moving on by one, after a warm-up. SIMD/ORT is the median over"
                        + " rounds of Hotcell / ONNX Runtime. This is the kernel's share of the batched layers' gap:"
                        + " everything else in a layer is absent. \"% of peak\" is of the FMA peak measured above,"
                        + " before the paired runs; \"% of paired peak\" is the median over rounds of the product's"
                        + " rate over the probe's in the same round, so a slow spell of the shared machine slows"
                        + " both; \"paired peak\" is the probe's median rate.",
                "| product (m x n x k) | ORT ms | ORT GFLOP/s | ORT % of peak | ORT % of paired peak | SIMD ms"
                        + " | SIMD GFLOP/s | SIMD % of peak | SIMD % of paired peak | paired peak GFLOP/s | rounds"
                        + " | SIMD/ORT |",
                r -> {
                    String shape = shape(r.b());
                    double flops = gemmFlops(r.b());
                    double ort = flops / r.medianMsA() / 1e6;
                    double simd = flops / r.medianMsB() / 1e6;
                    java.util.Optional<PairedResult> simdPeak = peakRow(peaks, "gemm/" + shape);
                    java.util.Optional<PairedResult> ortPeak = peakRow(peaks, "onnxruntime-gemm/" + shape);
                    return String.format(Locale.ROOT, "| %s | %s | %.1f | %.0f%% | %s | %s | %.1f | %.0f%% | %s | %s"
                                    + " | %d | %.2f |", shape, ms(r.medianMsA()), ort, 100 * ort / peakGflops,
                            ortPeak.map(p -> percent(peakShare(p))).orElse("-"), ms(r.medianMsB()), simd,
                            100 * simd / peakGflops, simdPeak.map(p -> percent(peakShare(p))).orElse("-"),
                            simdPeak.map(p -> String.format(Locale.ROOT, "%.1f", probeGflops(p))).orElse("-"),
                            r.pairs(), r.medianRatio());
                });
    }

    /** Whether {@code r} pairs a product with the FMA peak probe ({@code a = fma-peak/F}, task {@code peak}). */
    public static boolean isPeakProbe(PairedResult r) {
        return r.a().startsWith(PEAK_PROBE) && r.task().equals("peak");
    }

    /**
     * A product's share of the peak probe paired with it, in percent: the median over rounds of (product's rate /
     * probe's rate), which is (product's FLOP / probe's FLOP) / (median ratio of product time / probe time).
     */
    static double peakShare(PairedResult peakRow) {
        return 100 * gemmFlops(peakRow.b()) / probeFlops(peakRow.a()) / peakRow.medianRatio();
    }

    /** The probe's median rate in GFLOP/s. */
    static double probeGflops(PairedResult peakRow) {
        return probeFlops(peakRow.a()) / peakRow.medianMsA() / 1e6;
    }

    private static final String PEAK_PROBE = "fma-peak/";

    private static double probeFlops(String name) {
        return Double.parseDouble(name.substring(PEAK_PROBE.length()));
    }

    private static java.util.Optional<PairedResult> peakRow(List<PairedResult> peaks, String product) {
        return peaks.stream().filter(p -> isPeakProbe(p) && p.b().equals(product)).findFirst();
    }

    private static String shape(String product) {
        return product.substring(product.indexOf('/') + 1);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share);
    }

    /**
     * The section for fp32 against bf16 or int8 weights ({@code a = .../fp32}, {@code b = .../bf16} or
     * {@code .../int8}; task {@code forward} for a layer, {@code product} for its recurrent product), or "" for none.
     */
    public static String renderWeightsAgainstFp32(List<PairedResult> results) {
        return section(results, "Low-precision weights against fp32, paired (SIMD backend, inference)",
                "Each layer (and its recurrent product alone) twice in one JVM, once with fp32 weights and once with"
                        + " the storage named, each on its own backend, calls alternating (order flipped every pair)"
                        + " after a warm-up; the ratio is the median over pairs of compact / fp32 (below 1: the"
                        + " compact storage is faster). Accumulation is fp32 in both.",
                "| layer or product | storage | threads | fp32 ms | compact ms | pairs | compact/fp32 | speed-up |",
                r -> String.format(Locale.ROOT, "| %s %s | %s | %d | %s | %s | %d | %.2f | %.2fx |", r.task(),
                        r.a().substring(0, r.a().lastIndexOf('/')), r.b().substring(r.b().lastIndexOf('/') + 1),
                        r.threads(), ms(r.medianMsA()), ms(r.medianMsB()), r.pairs(), r.medianRatio(),
                        1 / r.medianRatio()));
    }

    /**
     * The section for training steps against forward passes ({@code a = forward}, {@code b} the workload), or ""
     * for none: training's GFLOP/s as a share of forward's, training counted as three forward passes.
     */
    public static String renderTrainingAgainstForward(List<PairedResult> results) {
        return section(results, "Training step against forward pass, paired (target: training >= 60% of forward's"
                        + " GFLOP/s)",
                "One layer on one backend: forward (no trace) and a training step (forward with trace, backward"
                        + " without the gradient with respect to the input, which is data and which trainers leave"
                        + " out, SGD update of the packed weights in place and of the master copy) alternating;"
                        + " training is counted as 3x forward's FLOP (the usual model-FLOP count; leaving dX out,"
                        + " the step does 2.5x at input = hidden), so its share of forward's GFLOP/s is 3 / (median"
                        + " over pairs of training / forward).",
                "| workload | threads | forward ms | training ms | pairs | training/forward time | training GFLOP/s"
                        + " % of forward's |",
                r -> String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %.2f | %.0f%% |", r.b(), r.threads(),
                        ms(r.medianMsA()), ms(r.medianMsB()), r.pairs(), r.medianRatio(),
                        trainingShare(r)));
    }

    /** Training's GFLOP/s as a percentage of forward's: {@code 300 / (training / forward time)}. */
    static double trainingShare(PairedResult r) {
        return 300 / r.medianRatio();
    }

    /**
     * Issue 20's three conditions, each with its worst case: every layer at most ONNX Runtime's time at 1 thread
     * (and, where measured, at 2), the GEMM at least 85% of the FMA peak at 1 thread (the probe timed in the same
     * rounds, {@code gemmPeaks}: {@link #isPeakProbe} rows), every training row at least 60% of forward's GFLOP/s.
     * "" when nothing was measured.
     */
    public static String renderTargets(List<PairedResult> againstOrt, List<PairedResult> gemmPeaks,
                                       List<PairedResult> training) {
        StringBuilder text = new StringBuilder();
        againstOrt.stream().filter(r -> r.threads() == 1).max(java.util.Comparator.comparingDouble(
                PairedResult::medianRatio)).ifPresent(worst -> text.append(String.format(Locale.ROOT,
                "- Layers against ONNX Runtime, 1 thread: worst SIMD/ORT %.2f (%s): %s%n", worst.medianRatio(),
                worst.b(), worst.medianRatio() <= 1.0 ? "met (all <= 1.00)" : "NOT met")));
        for (boolean warm : new boolean[] {false, true}) {
            againstOrt.stream().filter(r -> r.threads() > 1 && isWarm(r) == warm)
                    .max(java.util.Comparator.comparingDouble(PairedResult::medianRatio))
                    .ifPresent(worst -> text.append(String.format(Locale.ROOT,
                            "- Layers against ONNX Runtime, %d threads, calls %s: worst SIMD/ORT %.2f (%s): %s%n",
                            worst.threads(), calls(worst), worst.medianRatio(), worst.b(),
                            worst.medianRatio() <= 1.0 ? "met (all <= 1.00)" : "NOT met")));
        }
        gemmPeaks.stream().filter(r -> isPeakProbe(r) && r.b().startsWith("gemm/") && !r.b().startsWith("gemm/1x"))
                .min(java.util.Comparator.comparingDouble(PairedTable::peakShare)).ifPresent(worst -> {
                    double share = peakShare(worst);
                    text.append(String.format(Locale.ROOT,
                            "- GEMM (m > 1), 1 thread: lowest %.0f%% of the FMA peak paired with it (%s): %s%n",
                            share, shape(worst.b()), share >= 85 ? "met (all >= 85%)" : "NOT met"));
                });
        training.stream().min(java.util.Comparator.comparingDouble(PairedTable::trainingShare)).ifPresent(worst ->
                text.append(String.format(Locale.ROOT,
                        "- Training against forward: lowest %.0f%% of forward's GFLOP/s (%s, %d threads): %s%n",
                        trainingShare(worst), worst.b(), worst.threads(), trainingShare(worst) >= 60
                                ? "met (all >= 60%)" : "NOT met")));
        return text.isEmpty() ? "" : "\n### Targets (issue 20)\n\n" + text;
    }

    /** {@code 2 m n k} of a {@code gemm/MxNxK} name. */
    static double gemmFlops(String name) {
        String[] dims = name.substring(name.indexOf('/') + 1).split("x");
        return 2.0 * Long.parseLong(dims[0]) * Long.parseLong(dims[1]) * Long.parseLong(dims[2]);
    }

    private static String section(List<PairedResult> results, String title, String intro, String header,
                                  Function<PairedResult, String> row) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n### ").append(title).append("\n\n").append(intro).append("\n\n");
        text.append(header).append('\n');
        text.append(header.replaceAll("[^|]+", "---")).append('\n');
        for (PairedResult r : results) {
            text.append(row.apply(r)).append('\n');
        }
        return text.toString();
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.3f", value);
    }
}
