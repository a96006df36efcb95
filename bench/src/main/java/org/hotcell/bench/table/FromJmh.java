package org.hotcell.bench.table;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hotcell.bench.kernel.FmaPeak;
import org.hotcell.bench.kernel.SimdGemm;
import org.hotcell.bench.recurrent.Workload;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Turns JMH's own {@link RunResult}s into {@link Measurement}s: the benchmark's name gives engine and task,
 * its parameters the case and threads, and the median is the 50th percentile of JMH's samples (the suite runs
 * every benchmark in sample-time mode, so that is the median of single calls).
 */
public final class FromJmh {
    private static final String PREFIX = "org.hotcell.bench.";

    private FromJmh() {
    }

    /** The measurement of a suite benchmark, or empty for a benchmark the table does not show. */
    public static Optional<Measurement> of(RunResult result) {
        Map<String, String> params = new TreeMap<>();
        for (String name : result.getParams().getParamsKeys()) {
            params.put(name, result.getParams().getParam(name));
        }
        Statistics statistics = result.getPrimaryResult().getStatistics();
        if (statistics.getN() == 0) {
            return Optional.empty();
        }
        double medianMs = statistics.getPercentile(50) * toMillis(result.getPrimaryResult().getScoreUnit());
        return of(result.getParams().getBenchmark(), params, medianMs);
    }

    /**
     * The measurement of benchmark {@code benchmark} (its full method name) with these parameters and median.
     * Hotcell, ONNX Runtime and Deeplearning4j benchmarks are named here by class, as the peers are compiled
     * only with the {@code peers} profile.
     */
    public static Optional<Measurement> of(String benchmark, Map<String, String> params, double medianMs) {
        if (!benchmark.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = benchmark.substring(PREFIX.length());
        int threads = Integer.parseInt(Measurement.param(params, "threads", "1"));
        String workload = params.get("workload");
        return switch (name) {
            case "recurrent.SimdForward.forward" -> recurrent(Measurement.SIMD, Measurement.FORWARD, workload, threads, medianMs);
            case "recurrent.ReferenceForward.forward" -> recurrent(Measurement.REFERENCE, Measurement.FORWARD, workload, 1, medianMs);
            case "recurrent.SimdTraining.trainingStep" -> recurrent(Measurement.SIMD, Measurement.TRAINING, workload, threads, medianMs);
            case "peers.OrtForward.forward" -> recurrent(Measurement.ORT, Measurement.FORWARD, workload, threads, medianMs);
            case "peers.Dl4jForward.forward" -> recurrent(Measurement.DL4J, Measurement.FORWARD, workload, threads, medianMs);
            case "peers.Dl4jTraining.trainingStep" -> recurrent(Measurement.DL4J, Measurement.TRAINING, workload, threads, medianMs);
            case "kernel.FmaPeak.fma" -> Optional.of(new Measurement(Measurement.KERNEL, Measurement.FMA_PEAK,
                    FmaPeak.width(), 1, medianMs, FmaPeak.flopsPerCall()));
            case "kernel.SimdGemm.multiply" -> {
                int m = Integer.parseInt(params.get("m"));
                int hidden = Integer.parseInt(params.get("hidden"));
                yield Optional.of(new Measurement(Measurement.KERNEL, Measurement.GEMM,
                        "m=" + m + " H=" + hidden + " (" + m + "x" + hidden + " . " + hidden + "x" + 4 * hidden + ")",
                        1, medianMs, SimdGemm.flops(m, hidden)));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<Measurement> recurrent(String engine, String task, String workload, int threads,
                                                   double medianMs) {
        Workload w = Workload.parse(workload);
        double flops = task.equals(Measurement.TRAINING) ? w.trainingFlops() : w.forwardFlops();
        return Optional.of(new Measurement(engine, task, workload, threads, medianMs, flops));
    }

    /** Milliseconds per unit of a JMH score unit such as {@code ms/op} or {@code us/op}. */
    static double toMillis(String scoreUnit) {
        String unit = scoreUnit.substring(0, scoreUnit.indexOf('/'));
        return switch (unit) {
            case "s" -> 1e3;
            case "ms" -> 1;
            case "us" -> 1e-3;
            case "ns" -> 1e-6;
            default -> throw new IllegalArgumentException("unexpected JMH score unit '" + scoreUnit + "'");
        };
    }
}
