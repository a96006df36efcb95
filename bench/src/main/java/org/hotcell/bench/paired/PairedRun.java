package org.hotcell.bench.paired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.recurrent.HotcellLayer;
import org.hotcell.bench.recurrent.LayerChecks;
import org.hotcell.bench.recurrent.Workload;
import org.hotcell.core.backend.Backend;

/**
 * Two workloads (say {@code lstm/25x32x512/tanh} and {@code .../silu}) on the SIMD backend in one JVM: each on
 * its own backend instance, both self-checked against the reference backend, then warmed up and timed call
 * by call in alternation, the order flipping every pair. Prints one {@link PairedResult} line.
 *
 * <pre>
 * PairedRun WORKLOAD_A WORKLOAD_B forward|training THREADS [WARMUP_SECONDS MEASURE_SECONDS]
 * PairedRun --training-vs-forward WORKLOAD THREADS [WARMUP_SECONDS MEASURE_SECONDS]
 * PairedRun --weights-vs-fp32 bf16|int8 THREADS [WARMUP_SECONDS MEASURE_SECONDS]
 * </pre>
 *
 * The second form times one workload's training step against its own forward pass ({@link
 * #trainingAgainstForward}); the third, the batch-1 layers and products with float32 weights against compact
 * ones ({@link WeightsVsFp32}).
 */
public final class PairedRun {
    private PairedRun() {
    }

    public static void main(String[] args) {
        if (args.length >= 1 && args[0].equals("--training-vs-forward")) {
            trainingMain(args);
            return;
        }
        if (args.length >= 1 && args[0].equals("--weights-vs-fp32")) {
            WeightsVsFp32.main(args);
            return;
        }
        if (args.length != 4 && args.length != 6) {
            System.err.println("usage: PairedRun WORKLOAD_A WORKLOAD_B forward|training THREADS"
                    + " [WARMUP_SECONDS MEASURE_SECONDS]");
            System.exit(2);
        }
        double warmup = args.length == 6 ? Double.parseDouble(args[4]) : 4;
        double measure = args.length == 6 ? Double.parseDouble(args[5]) : 8;
        PairedResult result = run(args[0], args[1], args[2], Integer.parseInt(args[3]), warmup, measure);
        System.out.println(result.toLine());
    }

    /** {@code PairedRun --training-vs-forward WORKLOAD THREADS [WARMUP_SECONDS MEASURE_SECONDS]}. */
    private static void trainingMain(String[] args) {
        if (args.length != 3 && args.length != 5) {
            System.err.println("usage: PairedRun --training-vs-forward WORKLOAD THREADS [WARMUP_SECONDS MEASURE_SECONDS]");
            System.exit(2);
        }
        double warmup = args.length == 5 ? Double.parseDouble(args[3]) : 3;
        double measure = args.length == 5 ? Double.parseDouble(args[4]) : 8;
        System.out.println(trainingAgainstForward(args[1], Integer.parseInt(args[2]), warmup, measure).toLine());
    }

    /** Checks, warms up and measures; see the class comment. */
    public static PairedResult run(String a, String b, String task, int threads, double warmupSeconds,
                                   double measureSeconds) {
        boolean training = switch (task) {
            case "forward" -> false;
            case "training" -> true;
            default -> throw new IllegalArgumentException("task must be forward or training, got '" + task + "'");
        };
        Runnable callA = call(Workload.parse(a), threads, training);
        Runnable callB = call(Workload.parse(b), threads, training);
        return measure(a, b, task, threads, callA, callB, warmupSeconds, measureSeconds);
    }

    /**
     * Warms up and times two calls in alternation (see the class comment); {@code a}, {@code b} and
     * {@code task} only label the result.
     */
    public static PairedResult measure(String a, String b, String task, int threads, Runnable callA, Runnable callB,
                                       double warmupSeconds, double measureSeconds) {
        return measure(a, b, task, threads, callA, callB, warmupSeconds, measureSeconds, 0);
    }

    /**
     * {@link #measure(String, String, String, int, Runnable, Runnable, double, double)} with an untimed pause of
     * {@code pauseMillis} before every call: two engines with thread pools of their own (at 2 threads) keep their
     * workers spinning for a while after a call, and without the pause one's spinning workers would take a core
     * from the other's next call. With it, both start every call from parked workers, alike. The seconds are
     * wall-clock time, pauses included.
     */
    public static PairedResult measure(String a, String b, String task, int threads, Runnable callA, Runnable callB,
                                       double warmupSeconds, double measureSeconds, int pauseMillis) {
        return measure(a, b, task, threads, callA, callB, warmupSeconds, measureSeconds, pauseMillis, false);
    }

    /**
     * {@link #measure(String, String, String, int, Runnable, Runnable, double, double, int)}, where with
     * {@code warmCall} each timed call comes right after an untimed call of the same side (after the pause): the
     * time of a call whose threads have just worked, as in a stream of calls back to back, while the pause still
     * keeps one side's idle threads off the other's call.
     */
    public static PairedResult measure(String a, String b, String task, int threads, Runnable callA, Runnable callB,
                                       double warmupSeconds, double measureSeconds, int pauseMillis,
                                       boolean warmCall) {
        if (pauseMillis > 0) {
            // Paused, a warm-up of seconds makes only tens of calls: too few for the JIT to compile the code a call
            // runs once per step (C2 compiles a method after thousands of calls), so each side would be timed
            // partly interpreted. Calls back to back first, as in the runs without a pause.
            timeFor(callA, callB, warmupSeconds, 0, false);
        }
        timeFor(callA, callB, warmupSeconds, pauseMillis, warmCall);
        return result(a, b, task, threads, timeFor(callA, callB, measureSeconds, pauseMillis, warmCall), 0, 1);
    }

    /**
     * One workload's training step against its forward pass ({@code a = forward}, {@code b = training}), on one
     * layer and backend, both self-checked: the ratio over pairs is training / forward time, so training's share
     * of forward's GFLOP/s (training counted as three forward passes) is {@code 3 / ratio}.
     */
    public static PairedResult trainingAgainstForward(String workload, int threads, double warmupSeconds,
                                                      double measureSeconds) {
        Workload parsed = Workload.parse(workload);
        Backend backend = SimdBackend.withThreadCount(threads);
        LayerChecks.forwardAgrees(parsed, backend, "PairedRun");
        LayerChecks.gradientsAgree(parsed, backend, "PairedRun");
        HotcellLayer layer = HotcellLayer.create(parsed, backend);
        return measure("forward", workload, "training", threads, layer::forward, layer::trainingStep, warmupSeconds,
                measureSeconds);
    }

    private static Runnable call(Workload workload, int threads, boolean training) {
        Backend backend = SimdBackend.withThreadCount(threads);
        LayerChecks.forwardAgrees(workload, backend, "PairedRun");
        if (training) {
            LayerChecks.gradientsAgree(workload, backend, "PairedRun");
        }
        HotcellLayer layer = HotcellLayer.create(workload, backend);
        return training ? layer::trainingStep : layer::forward;
    }

    /** Pairs of (time of a, time of b) in nanoseconds, timed until {@code seconds} have passed (at least 3). */
    static List<long[]> timeFor(Runnable a, Runnable b, double seconds) {
        return timeFor(a, b, seconds, 0, false);
    }

    /**
     * {@link #timeFor(Runnable, Runnable, double)} with an untimed sleep of {@code pauseMillis} before each call,
     * then (with {@code warmCall}) an untimed call of the same side.
     */
    static List<long[]> timeFor(Runnable a, Runnable b, double seconds, int pauseMillis, boolean warmCall) {
        return rounds(new Runnable[] {a, b}, seconds, pauseMillis, warmCall);
    }

    /**
     * Every side warmed up for {@code warmupSeconds}, then timed in rounds for {@code measureSeconds}: each
     * round times one call of every side, back to back, the first side of a round moving on by one each round
     * so that no side always follows the same one. Element {@code i} of a round is side {@code i}'s time in ns.
     */
    public static List<long[]> rounds(Runnable[] sides, double warmupSeconds, double measureSeconds) {
        rounds(sides, warmupSeconds, 0, false);
        return rounds(sides, measureSeconds, 0, false);
    }

    /**
     * Rounds ({@link #rounds(Runnable[], double, double)}) until {@code seconds} have passed (at least 3), with
     * the pause and warm call of {@link #time}. For two sides the order flips every round.
     */
    static List<long[]> rounds(Runnable[] sides, double seconds, int pauseMillis, boolean warmCall) {
        List<long[]> rounds = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (rounds.size() < 3 || System.nanoTime() < end) {
            long[] times = new long[sides.length];
            for (int i = 0; i < sides.length; i++) {
                int side = (rounds.size() + i) % sides.length;
                times[side] = time(sides[side], pauseMillis, warmCall);
            }
            rounds.add(times);
        }
        return rounds;
    }

    /**
     * What rounds ({@link #rounds(Runnable[], double, double)}) measured of two of their sides: side {@code a}'s
     * and side {@code b}'s median times and the median over rounds of {@code b / a}.
     */
    public static PairedResult result(String a, String b, String task, int threads, List<long[]> rounds, int sideA,
                                      int sideB) {
        long[] timesA = rounds.stream().mapToLong(r -> r[sideA]).toArray();
        long[] timesB = rounds.stream().mapToLong(r -> r[sideB]).toArray();
        double[] ratios = rounds.stream().mapToDouble(r -> (double) r[sideB] / r[sideA]).toArray();
        return new PairedResult(a, b, task, threads, median(timesA) / 1e6, median(timesB) / 1e6, median(ratios),
                rounds.size());
    }

    private static long time(Runnable call, int pauseMillis, boolean warmCall) {
        if (pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted between paired calls", e);
            }
        }
        if (warmCall) {
            call.run();
        }
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    static double median(long[] values) {
        return median(Arrays.stream(values).asDoubleStream().toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
