package org.hotcell.bench.table;

import java.util.Map;
import java.util.Objects;

/**
 * One benchmark's result as the table needs it: which engine did which task on which case at how many
 * threads, its median time per call, and the floating-point operations of one call.
 *
 * @param engine   {@link #SIMD}, {@link #REFERENCE}, {@link #ORT}, {@link #DL4J}, or {@link #KERNEL}
 * @param task     {@link #FORWARD}, {@link #TRAINING}, {@link #FMA_PEAK} or {@link #GEMM}
 * @param key      the workload ({@code lstm/25x32x512/tanh}) or the kernel's shape
 * @param threads  threads the engine was given
 * @param medianMs median time of one call, milliseconds
 * @param flops    floating-point operations of one call (a multiply-add counts 2)
 */
public record Measurement(String engine, String task, String key, int threads, double medianMs, double flops) {
    public static final String SIMD = "hotcell-simd";
    public static final String REFERENCE = "hotcell-reference";
    public static final String ORT = "onnxruntime";
    public static final String DL4J = "dl4j";
    public static final String KERNEL = "kernel";

    public static final String FORWARD = "forward";
    public static final String TRAINING = "training";
    public static final String FMA_PEAK = "fma-peak";
    public static final String GEMM = "gemm";

    public Measurement {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(key, "key");
        if (!(medianMs > 0) || !(flops > 0) || threads < 1) {
            throw new IllegalArgumentException("measurement of " + engine + " " + task + " " + key + " needs a positive"
                    + " time, FLOP count and thread count, got " + medianMs + " ms, " + flops + " FLOP, " + threads
                    + " threads");
        }
    }

    /** Billions of floating-point operations per second: {@code flops / (medianMs * 1e6)}. */
    public double gflops() {
        return gflops(flops, medianMs);
    }

    /** {@code flops / (ms * 1e6)}: FLOP per millisecond / 1e6 = GFLOP per second. */
    public static double gflops(double flops, double ms) {
        return flops / (ms * 1e6);
    }

    /** Looks a benchmark parameter up, with a default for benchmarks that lack it. */
    static String param(Map<String, String> params, String name, String fallback) {
        String value = params.get(name);
        return value == null ? fallback : value;
    }
}
