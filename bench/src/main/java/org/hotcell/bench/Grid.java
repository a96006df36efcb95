package org.hotcell.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcell.bench.recurrent.Workload;

/**
 * The cases of the suite (issue 8): LSTM (T, N, I = H) = (100, 1, 256), (25, 1, 512), (25, 1, 1024),
 * (25, 32, 512), (25, 64, 1024) with tanh and with relu as candidate and output activation; GRU (100, 1, 256),
 * (25, 32, 512) with tanh; each at 1 and 2 threads; plus SiLU on two LSTM shapes for Hotcell alone.
 * {@code --quick} runs two LSTM shapes (and one with SiLU) at 1 thread.
 */
final class Grid {
    static final List<String> FULL = List.of(
            "lstm/100x1x256/tanh", "lstm/25x1x512/tanh", "lstm/25x1x1024/tanh", "lstm/25x32x512/tanh",
            "lstm/25x64x1024/tanh",
            "lstm/100x1x256/relu", "lstm/25x1x512/relu", "lstm/25x1x1024/relu", "lstm/25x32x512/relu",
            "lstm/25x64x1024/relu",
            "gru/100x1x256/tanh", "gru/25x32x512/tanh");
    static final List<String> QUICK = List.of("lstm/25x32x512/tanh", "lstm/100x1x256/tanh");
    /**
     * Hotcell alone (ONNX Runtime's LSTM has no SiLU): a non-standard activation in the candidate (and output)
     * role, to compare with tanh on the same shape (target: at most 10% slower).
     */
    static final List<String> FULL_SILU = List.of("lstm/25x32x512/silu", "lstm/100x1x256/silu");
    static final List<String> QUICK_SILU = List.of("lstm/25x32x512/silu");
    static final List<Integer> FULL_THREADS = List.of(1, 2);
    static final List<Integer> QUICK_THREADS = List.of(1);

    private Grid() {
    }

    /**
     * The workloads grouped by shape ({@code cell/TxNxH}), in order of first appearance: the suite measures
     * one shape's Hotcell and peer forks back to back, so that a ratio compares the same minutes of a machine
     * whose speed drifts.
     */
    static Map<String, List<String>> byShape(List<String> workloads) {
        Map<String, List<String>> shapes = new LinkedHashMap<>();
        for (String workload : workloads) {
            String shape = workload.substring(0, workload.lastIndexOf('/'));
            shapes.computeIfAbsent(shape, key -> new ArrayList<>()).add(workload);
        }
        return shapes;
    }

    /**
     * Seconds per JMH iteration for the workloads of one shape: 1, or 4 when a training step of the shape is
     * over 20 GFLOP ((25, 64, 1024): about 80). Such a step takes one to two seconds here, so 1-second
     * iterations timed one call each, after two warm-up calls; with 4 seconds each iteration holds two or more.
     */
    static int iterationSeconds(List<String> workloads) {
        double most = workloads.stream().mapToDouble(w -> Workload.parse(w).trainingFlops()).max().orElse(0);
        return most > 20e9 ? 4 : 1;
    }

    /** The workloads Deeplearning4j can run: it has an LSTM layer but no GRU layer. */
    static List<String> dl4j(List<String> workloads) {
        return workloads.stream().filter(w -> w.startsWith("lstm/")).toList();
    }
}
