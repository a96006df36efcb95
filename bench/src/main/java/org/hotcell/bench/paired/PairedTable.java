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

    /** The section for paired runs against ONNX Runtime ({@code a = onnxruntime}), or "" for none. */
    public static String renderAgainstOnnxRuntime(List<PairedResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        text.append("\n### Hotcell SIMD against ONNX Runtime, paired (forward, 1 thread)\n\n");
        text.append("Both engines in one JVM on the same input, calls alternating (order flipped every pair) after"
                + " a warm-up; the ratio is the median over pairs of Hotcell / ONNX Runtime. One thread only: at"
                + " two, each engine's pool spins after its call and takes the second core from the other.\n\n");
        text.append("| workload | threads | ORT ms | SIMD ms | pairs | SIMD/ORT |\n");
        text.append("|---|---|---|---|---|---|\n");
        for (PairedResult r : results) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %.2f |%n", r.b(), r.threads(),
                    ms(r.medianMsA()), ms(r.medianMsB()), r.pairs(), r.medianRatio()));
        }
        return text.toString();
    }
}
