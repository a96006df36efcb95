package org.hotcell.study.internal.timing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.registry.Registry;

/**
 * Nanoseconds per element of each activation's two bulk kernels, the calls a cell makes once per gate block:
 * {@link Activation#apply(float[], int, float[], int, int)} forward and
 * {@link Activation#derivative(float[], int, float[], int, float[], int, int)} backward. All activations are
 * measured in one run, side by side, so that "hard_tanh is cheaper than tanh" is a comparison of samples taken
 * under the same conditions.
 *
 * <p>How, and why:
 * <ul>
 *   <li>Inputs: {@code elements} floats from a normal distribution with mean 0 and standard deviation 2, from a
 *   fixed seed. That is about the spread of an LSTM's pre-activations; a third of the values lie beyond
 *   |x| = 2, where sigmoid and tanh saturate and hard_tanh clamps, so a kernel whose cost depends on the side
 *   it is on sees both sides in proportions a cell would give it. No NaN, infinity or subnormal: those are rare
 *   in training and would time slow paths instead of the common one.</li>
 *   <li>In the L1 cache: the forward kernel writes y = f(x) over one array, which the derivative kernel then
 *   reads (as a cell's backward pass does), writing a third. {@link #L1_ELEMENTS} floats per array (24 KiB for
 *   the three) fit the 32 KiB L1 data cache of current x86 cores, so that memory does not hide the arithmetic.</li>
 *   <li>Warm-up: the same rounds untimed, each kernel called over and over for {@link #SAMPLE_NANOS} ns per
 *   turn, until no kernel has become faster for 2 s (C2 has compiled them all; see {@link WarmUp}), for at
 *   least an eighth and at most 60% of the budget. The most calls that fitted in that time set how many
 *   calls one sample times, so that samples last about as long for every activation.</li>
 *   <li>Round-robin: each round times every activation once, in list order, forward kernel then derivative,
 *   so that the noise of a shared machine (other processes, frequency changes, the JIT finishing elsewhere)
 *   falls on all of them alike instead of on whichever ran during a busy second. Many short samples, whose
 *   medians are compared, and all of them kept for a rank test.</li>
 * </ul>
 */
public final class ActivationTimings {
    /** Floats per array that keep the three arrays (x, y, derivative) inside a 32 KiB L1 data cache. */
    public static final int L1_ELEMENTS = 2048;
    /** The default budget, warm-up included. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);
    /** About how long one sample lasts: long next to the timer's ~25 ns, short next to a scheduler tick. */
    static final long SAMPLE_NANOS = 50_000;
    /** Timed rounds at least, whatever the budget; and at most, however fast the machine. */
    static final int MIN_ROUNDS = 3;
    static final int MAX_ROUNDS = 2000;
    private static final int MIN_WARMUP_ROUNDS = 2;
    /** The warm-up ends once no kernel has become faster for this long (see {@link WarmUp}). */
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long SEED = 18;
    private static final double SPREAD = 2;

    /** Written once per round from the kernels' output, so that no JIT could skip a kernel as unused. */
    private static volatile int sink;

    private ActivationTimings() {
    }

    /**
     * Times the bulk kernels of each activation, interleaved round-robin, within about {@code budget} of wall
     * time (an eighth to 60% of it warm-up); at least {@link #MIN_ROUNDS} timed rounds, at most {@link #MAX_ROUNDS}.
     *
     * @param registry        resolves the spec texts
     * @param activationSpecs the activations, e.g. {@code tanh}, {@code hard_tanh}; each once
     * @param elements        the length of each kernel call; {@link #L1_ELEMENTS} keeps the data in L1
     * @param budget          the wall time to spend, warm-up included
     * @return one timing per activation, in the order asked for, all with the same number of samples
     * @throws org.hotcell.core.error.UnknownActivationException naming an activation the registry does not know,
     *                                                           before anything is timed
     * @throws IllegalArgumentException for no activations, one listed twice, elements below 1 or a budget that
     *                                  is not positive
     */
    public static List<KernelTiming> measure(Registry registry, List<String> activationSpecs, int elements,
                                             Duration budget) {
        Rounds.checkNames(activationSpecs, "activations");
        if (elements < 1) {
            throw new IllegalArgumentException("kernel calls need at least 1 element, got " + elements);
        }
        long nanos = Rounds.nanos(budget);
        List<Activation> activations = activationSpecs.stream().map(registry::activation).toList();
        long start = System.nanoTime();
        Bench bench = new Bench(activations, elements);
        WarmUp warmUp = new WarmUp(2 * activations.size(), start, nanos / 8, nanos * 3 / 5, QUIET_NANOS);
        for (int round = 0; round < MIN_WARMUP_ROUNDS || !warmUp.over(); round++) {
            bench.warmUp(warmUp);
        }
        int rounds = Rounds.run(start + nanos, MIN_ROUNDS, MAX_ROUNDS, round -> bench.measure());
        List<KernelTiming> timings = new ArrayList<>();
        for (int i = 0; i < activations.size(); i++) {
            timings.add(new KernelTiming(activationSpecs.get(i), elements, bench.applyCalls[i],
                    bench.derivativeCalls[i], Samples.of("ns/element", bench.applySamples[i], rounds),
                    Samples.of("ns/element", bench.derivativeSamples[i], rounds)));
        }
        return timings;
    }

    /** The arrays, the calls per sample and the samples; no allocation once built, so no collection mid-sample. */
    private static final class Bench {
        private final List<Activation> activations;
        private final int elements;
        private final float[] x;
        private final float[] y;
        private final float[] dy;
        final int[] applyCalls;
        final int[] derivativeCalls;
        final double[][] applySamples;
        final double[][] derivativeSamples;
        private int taken;

        Bench(List<Activation> activations, int elements) {
            this.activations = activations;
            this.elements = elements;
            int n = activations.size();
            x = inputs(elements);
            y = new float[elements];
            dy = new float[elements];
            applyCalls = new int[n];
            derivativeCalls = new int[n];
            applySamples = new double[n][MAX_ROUNDS];
            derivativeSamples = new double[n][MAX_ROUNDS];
        }

        /**
         * One untimed round: each kernel in turn, called for {@link #SAMPLE_NANOS} (at least once), which gets
         * the JIT's invocation counts up quickly. The most calls that fit in that time so far, i.e. those of the
         * compiled kernel, become the calls per sample.
         */
        void warmUp(WarmUp warmUp) {
            for (int i = 0; i < activations.size(); i++) {
                Activation activation = activations.get(i);
                int calls = 0;
                long t0 = System.nanoTime();
                long t1;
                do {
                    activation.apply(x, 0, y, 0, elements);
                    calls++;
                    t1 = System.nanoTime();
                } while (t1 - t0 < SAMPLE_NANOS);
                applyCalls[i] = Math.max(applyCalls[i], calls);
                warmUp.record(2 * i, (t1 - t0) / (double) calls);
                calls = 0;
                t0 = System.nanoTime();
                do {
                    activation.derivative(x, 0, y, 0, dy, 0, elements);
                    calls++;
                    t1 = System.nanoTime();
                } while (t1 - t0 < SAMPLE_NANOS);
                derivativeCalls[i] = Math.max(derivativeCalls[i], calls);
                warmUp.record(2 * i + 1, (t1 - t0) / (double) calls);
            }
            sink = Float.floatToRawIntBits(y[0]) ^ Float.floatToRawIntBits(dy[0]);
        }

        /** One timed round: each activation in list order, its forward kernel, then its derivative kernel. */
        void measure() {
            for (int i = 0; i < activations.size(); i++) {
                Activation activation = activations.get(i);
                long t0 = System.nanoTime();
                for (int call = 0; call < applyCalls[i]; call++) {
                    activation.apply(x, 0, y, 0, elements);
                }
                long t1 = System.nanoTime();
                for (int call = 0; call < derivativeCalls[i]; call++) {
                    activation.derivative(x, 0, y, 0, dy, 0, elements);
                }
                long t2 = System.nanoTime();
                applySamples[i][taken] = (t1 - t0) / ((double) applyCalls[i] * elements);
                derivativeSamples[i][taken] = (t2 - t1) / ((double) derivativeCalls[i] * elements);
            }
            sink = Float.floatToRawIntBits(y[taken % elements]) ^ Float.floatToRawIntBits(dy[taken % elements]);
            taken++;
        }

        /** Normal(0, 2) from a fixed seed: every run and every activation times the same inputs. */
        private static float[] inputs(int elements) {
            SplittableRandom random = new SplittableRandom(SEED);
            float[] values = new float[elements];
            for (int i = 0; i < elements; i++) {
                values[i] = (float) random.nextGaussian(0, SPREAD);
            }
            return values;
        }
    }
}
