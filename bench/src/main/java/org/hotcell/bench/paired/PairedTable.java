package org.hotcell.bench.paired;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The suite's section for paired activation costs. */
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
        return section(results, "Hotcell SIMD against ONNX Runtime, paired (forward, 1 thread)",
                "Both engines in one JVM on the same input, calls alternating (order flipped every pair) after a"
                        + " warm-up; the ratio is the median over pairs of Hotcell / ONNX Runtime. One thread only:"
                        + " at two, each engine's pool spins after its call and takes the second core from the other.",
                "| workload | threads | ORT ms | SIMD ms | pairs | SIMD/ORT |",
                r -> String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %.2f |", r.b(), r.threads(),
                        ms(r.medianMsA()), ms(r.medianMsB()), r.pairs(), r.medianRatio()));
    }

    /**
     * The section for the product alone against ONNX Runtime's MatMul ({@code a = onnxruntime},
     * {@code b = gemm/MxNxK}), or "" for none.
     */
    public static String renderGemmAgainstOnnxRuntime(List<PairedResult> results) {
        return section(results, "SIMD GEMM against ONNX Runtime's MatMul, paired (1 thread)",
                "Y = X . W^T alone (m x k times k x n, W packed once), both in one JVM, calls alternating after a"
                        + " warm-up; the ratio is the median over pairs of Hotcell / ONNX Runtime. This is the"
                        + " kernel's share of the batched layers' gap: everything else in a layer is absent.",
                "| product (m x n x k) | ORT ms | ORT GFLOP/s | SIMD ms | SIMD GFLOP/s | pairs | SIMD/ORT |",
                r -> {
                    double flops = gemmFlops(r.b());
                    return String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %.1f | %d | %.2f |",
                            r.b().substring(r.b().indexOf('/') + 1), ms(r.medianMsA()), flops / r.medianMsA() / 1e6,
                            ms(r.medianMsB()), flops / r.medianMsB() / 1e6, r.pairs(), r.medianRatio());
                });
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
