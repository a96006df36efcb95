package org.hotcell.bench.paired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.recurrent.HotcellLayer;
import org.hotcell.bench.recurrent.LayerChecks;
import org.hotcell.bench.recurrent.Workload;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.WeightStorage;

/**
 * Issue 20's low-precision weights: the batch-1 layers of the grid and their recurrent product alone, float32
 * weights against bf16 or int8 weights on the SIMD backend, timed in alternation in one JVM ({@link
 * PairedRun#measure}). The ratio is compact / fp32 time (below 1: the compact storage is faster). Each side has
 * its own backend instance; the fp32 side is checked against the reference backend first, and the compact
 * side's outputs against the fp32 side's, whose largest difference is printed beside the times.
 *
 * <pre>
 * PairedRun --weights-vs-fp32 bf16|int8 THREADS [WARMUP_SECONDS MEASURE_SECONDS [WORKLOAD ...]]
 * </pre>
 *
 * Workloads given replace {@link #LAYERS} (say {@code lstm/25x32x512/tanh}, to see a batched layer); each one's
 * product then has N rows.
 */
public final class WeightsVsFp32 {
    /** The batch-1 layers of bench's grid. */
    static final List<String> LAYERS = List.of("lstm/100x1x256/tanh", "lstm/25x1x512/tanh", "lstm/25x1x1024/tanh",
            "gru/100x1x256/tanh");
    /** A compact layer whose outputs stray further than this from the fp32 layer's is broken, not rounded. */
    private static final double SANE_DIFFERENCE = 0.1;

    private WeightsVsFp32() {
    }

    static void main(String[] args) {
        if (args.length != 3 && args.length < 5) {
            System.err.println("usage: PairedRun --weights-vs-fp32 bf16|int8 THREADS [WARMUP_SECONDS MEASURE_SECONDS"
                    + " [WORKLOAD ...]]");
            System.exit(2);
        }
        WeightStorage storage = WeightStorage.parse(args[1]);
        int threads = Integer.parseInt(args[2]);
        double warmup = args.length >= 5 ? Double.parseDouble(args[3]) : 2;
        double measure = args.length >= 5 ? Double.parseDouble(args[4]) : 5;
        List<String> layers = args.length > 5 ? List.of(args).subList(5, args.length) : LAYERS;
        for (String line : run(storage, threads, warmup, measure, layers)) {
            System.out.println(line);
        }
    }

    /** Every layer, then every layer's recurrent product; per item a result line and a summary line. */
    public static List<String> run(WeightStorage storage, int threads, double warmupSeconds, double measureSeconds,
                                   List<String> layers) {
        List<String> lines = new ArrayList<>();
        for (String text : layers) {
            Workload workload = Workload.parse(text);
            Backend fp32 = SimdBackend.withThreadCount(threads);
            Backend compact = SimdBackend.withThreadCount(threads).withWeightStorage(storage);
            LayerChecks.forwardAgrees(workload, fp32, "WeightsVsFp32");
            HotcellLayer a = HotcellLayer.create(workload, fp32);
            HotcellLayer b = HotcellLayer.create(workload, compact);
            double difference = maxDifference(a.forward(), b.forward());
            requireSane(text, storage, difference);
            PairedResult result = PairedRun.measure(text + "/fp32", text + "/" + storage.spelling(), "forward",
                    threads, a::forward, b::forward, warmupSeconds, measureSeconds);
            lines.add(result.toLine());
            lines.add(summary("layer", text, storage, result, difference));
        }
        for (String text : layers) {
            Workload workload = Workload.parse(text);
            int m = workload.batch();
            int rows = workload.gates() * workload.hidden();
            int cols = workload.hidden();
            float[] r = workload.weights().r();
            float[] h = uniform(new SplittableRandom(5), m * cols);
            Backend fp32 = SimdBackend.withThreadCount(threads);
            Backend compact = SimdBackend.withThreadCount(threads).withWeightStorage(storage);
            PackedMatrix packedA = fp32.pack(r, 0, rows, cols);
            PackedMatrix packedB = compact.pack(r, 0, rows, cols);
            float[] ya = new float[m * rows];
            float[] yb = new float[m * rows];
            Runnable callA = () -> fp32.multiply(h, 0, cols, m, packedA, ya, 0, rows, false);
            Runnable callB = () -> compact.multiply(h, 0, cols, m, packedB, yb, 0, rows, false);
            callA.run();
            callB.run();
            double difference = maxDifference(ya, yb);
            requireSane(text, storage, difference);
            String shape = m + "x" + rows + "x" + cols;
            PairedResult result = PairedRun.measure(shape + "/fp32", shape + "/" + storage.spelling(), "product",
                    threads, callA, callB, warmupSeconds, measureSeconds);
            lines.add(result.toLine());
            lines.add(summary("product", shape + " (R of " + text + ")", storage, result, difference));
        }
        return lines;
    }

    private static String summary(String kind, String what, WeightStorage storage, PairedResult result,
                                  double difference) {
        return String.format(Locale.ROOT, "weights-vs-fp32 %s %s threads=%d fp32_ms=%.4f %s_ms=%.4f ratio=%.3f"
                        + " speedup=%.2fx pairs=%d max_abs_diff=%.3e", kind, what, result.threads(), result.medianMsA(),
                storage.spelling(), result.medianMsB(), result.medianRatio(), 1 / result.medianRatio(), result.pairs(),
                difference);
    }

    private static void requireSane(String what, WeightStorage storage, double difference) {
        if (!(difference <= SANE_DIFFERENCE)) {
            throw new IllegalStateException(what + " with " + storage.spelling() + " weights differs from fp32 by "
                    + difference + ", more than rounding the weights can explain");
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
        }
        return worst;
    }

    private static float[] uniform(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
