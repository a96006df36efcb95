package org.hotcell.tck;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.HotcellException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.function.Executable;

/**
 * The checks the TCK runs over one {@link Activation}. Each {@code check...} method throws an
 * {@link AssertionError} whose message names the activation, the check and the first few points where it
 * failed; {@link #tests()} wraps them all as JUnit 5 dynamic tests.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> myActivation() {
 *     return ActivationContract.of(new MyActivation()).bulkTolerance(new Tolerance(2, 0)).tests();
 * }
 * }</pre>
 *
 * <p>What "measured" means: the output and finite differences over a grid of about 4,000 points in
 * [-1e6, 1e6] (dense in [-10, 10], log-spaced beyond, plus every declared kink and its float neighbours).
 */
public final class ActivationContract {
    private static final int MAX_REPORTED = 5;
    private static final int[] LENGTHS = {1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65, 127, 129, 1023, 1025};
    private static final int[] OFFSETS = {0, 1, 3};
    private static final float GUARD = -12345.678f;

    private final Activation activation;
    private final String label;
    private Tolerance bulkTolerance = new Tolerance(4, 0);
    private double derivativeTolerance = 2e-3;
    private long seed = 20240611L;

    private ActivationContract(Activation activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
        this.label = String.valueOf(activation.spec());
    }

    /** The contract for one activation, with default tolerances (bulk: 4 ulp; derivative: 2e-3 relative). */
    public static ActivationContract of(Activation activation) {
        return new ActivationContract(activation);
    }

    /** How far bulk results may be from scalar ones (apply and derivative alike); the plugin documents it. */
    public ActivationContract bulkTolerance(Tolerance tolerance) {
        this.bulkTolerance = Objects.requireNonNull(tolerance, "tolerance");
        return this;
    }

    /**
     * The relative error allowed between {@code derivative(x, y)} and the central finite difference, on top
     * of the float rounding noise of the difference itself; 2e-3 by default.
     */
    public ActivationContract derivativeTolerance(double relative) {
        if (!(relative > 0)) {
            throw new IllegalArgumentException("derivative tolerance must be > 0, got " + relative);
        }
        this.derivativeTolerance = relative;
        return this;
    }

    /** The seed of the random arrays (the default is fixed, so runs repeat). */
    public ActivationContract seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Every check as a dynamic test, in a container named after the activation's spec. */
    public DynamicContainer container() {
        return DynamicContainer.dynamicContainer(label, tests());
    }

    /** Every check as a dynamic test. */
    public Stream<DynamicNode> tests() {
        return Stream.of(
                test("derivative matches central finite differences", this::checkDerivative),
                test("derivative at kinks matches a one-sided difference", this::checkDerivativeAtKinks),
                test("bulk apply matches scalar apply", this::checkBulkApply),
                test("bulk derivative matches scalar derivative", this::checkBulkDerivative),
                test("output lies in the declared range", this::checkRange),
                test("declared bounds are approached or unbounded growth is real", this::checkRangeTight),
                test("declared monotonicity holds", this::checkMonotonic),
                test("declared zero-centring holds", this::checkZeroCentred),
                test("declared saturation holds", this::checkSaturating),
                test("finite in, finite out", this::checkFinite),
                test("NaN in, NaN out; infinities give the limits", this::checkSpecialValues),
                test("parallel bulk calls agree", this::checkThreadSafety),
                test("spec text parses back to an equal spec", this::checkSpecRoundTrip));
    }

    private DynamicNode test(String name, Executable check) {
        return dynamicTest(name, check);
    }

    // ---- derivative ----

    /**
     * derivative(x, f(x)) against (f(x+h) - f(x-h)) / 2h in double, h = 1e-3 max(1, |x|), over about 1,100
     * points in [-60, 60]; points within 2h of a declared kink are skipped (see {@link #checkDerivativeAtKinks}).
     */
    public void checkDerivative() {
        Failures failures = new Failures("derivative");
        List<Double> kinks = activation.properties().kinks();
        for (float x : Grid.derivativePoints()) {
            double h = 1e-3 * Math.max(1, Math.abs(x));
            if (nearKink(x, 2 * h, kinks)) {
                continue;
            }
            float xp = (float) (x + h);
            float xm = (float) (x - h);
            float fp = activation.apply(xp);
            float fm = activation.apply(xm);
            double width = (double) xp - xm;
            double difference = ((double) fp - fm) / width;
            double noise = 4 * ((double) Math.ulp(fp) + Math.ulp(fm)) / width;
            float derivative = activation.derivative(x, activation.apply(x));
            double allowed = derivativeTolerance * (1 + Math.abs(difference)) + noise;
            if (!(Math.abs(derivative - difference) <= allowed)) {
                failures.add("at x = " + x + ": derivative " + derivative + ", finite difference " + difference);
            }
        }
        failures.throwIfAny();
    }

    /**
     * At each declared kink k, derivative(k, f(k)) must match the left or the right one-sided difference,
     * taken strictly on one side of k.
     */
    public void checkDerivativeAtKinks() {
        Failures failures = new Failures("derivative at kinks");
        for (double k : activation.properties().kinks()) {
            if (!Double.isFinite(k) || Math.abs(k) > 1e6) {
                continue;
            }
            float kf = (float) k;
            double h = 1e-4 * Math.max(1, Math.abs(k));
            double right = oneSided(kf + h, kf + 2 * h);
            double left = oneSided(kf - 2 * h, kf - h);
            float derivative = activation.derivative(kf, activation.apply(kf));
            double tol = 10 * derivativeTolerance;
            if (!(Math.abs(derivative - right) <= tol * (1 + Math.abs(right))
                    || Math.abs(derivative - left) <= tol * (1 + Math.abs(left)))) {
                failures.add("at the kink x = " + kf + ": derivative " + derivative + ", left difference " + left
                        + ", right difference " + right);
            }
        }
        failures.throwIfAny();
    }

    private double oneSided(double a, double b) {
        float fa = (float) a;
        float fb = (float) b;
        return ((double) activation.apply(fb) - activation.apply(fa)) / ((double) fb - fa);
    }

    private static boolean nearKink(double x, double distance, List<Double> kinks) {
        for (double k : kinks) {
            if (Math.abs(x - k) <= distance) {
                return true;
            }
        }
        return false;
    }

    // ---- bulk forms ----

    /**
     * Bulk apply against scalar apply on seeded random arrays (specials included) of odd and even lengths at
     * several offsets, out of place and in place; elements outside the range must stay untouched.
     */
    public void checkBulkApply() {
        Failures failures = new Failures("bulk apply");
        Random random = new Random(seed);
        for (int length : LENGTHS) {
            for (int srcOff : OFFSETS) {
                int dstOff = (srcOff + length) % 3;
                float[] src = Grid.random(random, srcOff + length + 2);
                float[] dst = new float[dstOff + length + 2];
                Arrays.fill(dst, GUARD);
                activation.apply(src, srcOff, dst, dstOff, length);
                float[] inPlace = src.clone();
                activation.applyInPlace(inPlace, srcOff, length);
                for (int i = 0; i < length; i++) {
                    float x = src[srcOff + i];
                    float expected = activation.apply(x);
                    if (!bulkTolerance.accepts(expected, dst[dstOff + i])) {
                        failures.add("at x = " + x + " (length " + length + ", index " + i + "): bulk "
                                + dst[dstOff + i] + ", scalar " + expected + ", tolerance " + bulkTolerance);
                    }
                    if (Float.floatToIntBits(inPlace[srcOff + i]) != Float.floatToIntBits(dst[dstOff + i])) {
                        failures.add("at x = " + x + " (length " + length + "): in place " + inPlace[srcOff + i]
                                + ", out of place " + dst[dstOff + i]);
                    }
                }
                checkGuards(failures, dst, dstOff, length, "apply");
                checkGuards(failures, inPlace, src, srcOff, length);
            }
        }
        failures.throwIfAny();
    }

    /** Bulk derivative against scalar derivative, with y = scalar f(x), out of place and in place over y. */
    public void checkBulkDerivative() {
        Failures failures = new Failures("bulk derivative");
        Random random = new Random(seed + 1);
        for (int length : LENGTHS) {
            for (int off : OFFSETS) {
                float[] x = Grid.random(random, off + length + 1);
                float[] y = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = activation.apply(x[i]);
                }
                int yOff = off;
                int dstOff = (off + 2) % 3;
                float[] dst = new float[dstOff + length + 2];
                Arrays.fill(dst, GUARD);
                activation.derivative(x, off, y, yOff, dst, dstOff, length);
                float[] overY = y.clone();
                activation.derivative(x, off, overY, yOff, overY, yOff, length);
                for (int i = 0; i < length; i++) {
                    float xi = x[off + i];
                    float expected = activation.derivative(xi, y[yOff + i]);
                    if (!bulkTolerance.accepts(expected, dst[dstOff + i])) {
                        failures.add("at x = " + xi + " (length " + length + ", index " + i + "): bulk "
                                + dst[dstOff + i] + ", scalar " + expected + ", tolerance " + bulkTolerance);
                    }
                    if (Float.floatToIntBits(overY[yOff + i]) != Float.floatToIntBits(dst[dstOff + i])) {
                        failures.add("at x = " + xi + " (length " + length + "): written over y "
                                + overY[yOff + i] + ", to a separate array " + dst[dstOff + i]);
                    }
                }
                checkGuards(failures, dst, dstOff, length, "derivative");
            }
        }
        failures.throwIfAny();
    }

    private static void checkGuards(Failures failures, float[] dst, int off, int length, String what) {
        for (int i = 0; i < dst.length; i++) {
            if ((i < off || i >= off + length) && dst[i] != GUARD) {
                failures.add("bulk " + what + " wrote index " + i + " outside its range [" + off + ", "
                        + (off + length) + ")");
            }
        }
    }

    private static void checkGuards(Failures failures, float[] after, float[] before, int off, int length) {
        for (int i = 0; i < after.length; i++) {
            if ((i < off || i >= off + length)
                    && Float.floatToIntBits(after[i]) != Float.floatToIntBits(before[i])) {
                failures.add("in-place apply changed index " + i + " outside its range [" + off + ", "
                        + (off + length) + ")");
            }
        }
    }

    // ---- declared properties ----

    /** Every output over the grid lies in the declared [min, max] (with a float rounding allowance). */
    public void checkRange() {
        Failures failures = new Failures("range");
        ActivationProperties p = activation.properties();
        for (float x : grid()) {
            float y = activation.apply(x);
            if (y < p.min() - slack(p.min()) || y > p.max() + slack(p.max())) {
                failures.add("at x = " + x + ": output " + y + " is outside the declared range " + p.rangeText()
                        + (p.bounded() ? " (it claims to be bounded)" : ""));
            }
        }
        failures.throwIfAny();
    }

    /**
     * A finite declared bound is approached within 1e-3 (relative) somewhere on the grid; an infinite one
     * is backed by growth: the extreme output keeps moving from |x| &lt;= 1e3 to 1e4, 1e5 and 1e6.
     */
    public void checkRangeTight() {
        Failures failures = new Failures("range tightness");
        ActivationProperties p = activation.properties();
        float[] grid = grid();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (float x : grid) {
            float y = activation.apply(x);
            lowest = Math.min(lowest, y);
            highest = Math.max(highest, y);
        }
        if (Double.isFinite(p.min()) && lowest > p.min() + 1e-3 * (1 + Math.abs(p.min()))) {
            failures.add("declares min " + p.min() + ", but the lowest output over the grid is " + lowest);
        }
        if (Double.isFinite(p.max()) && highest < p.max() - 1e-3 * (1 + Math.abs(p.max()))) {
            failures.add("declares max " + p.max() + ", but the highest output over the grid is " + highest);
        }
        if (p.min() == Double.NEGATIVE_INFINITY) {
            checkGrowth(failures, grid, -1, "min -inf");
        }
        if (p.max() == Double.POSITIVE_INFINITY) {
            checkGrowth(failures, grid, 1, "max +inf");
        }
        failures.throwIfAny();
    }

    /**
     * Unbounded growth, told apart from a slow approach to a bound: the extreme output must still move from
     * |x| &lt;= 1e5 to 1e6, by at least half as much as from 1e3 to 1e4 (an approach to a bound slows down
     * by orders of magnitude per decade; linear or logarithmic growth does not).
     */
    private void checkGrowth(Failures failures, float[] grid, int sign, String claim) {
        double[] extreme = new double[7];
        for (int decade = 3; decade <= 6; decade++) {
            double limit = Math.pow(10, decade) * 1.0001;
            extreme[decade] = sign > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (float x : grid) {
                if (Math.abs(x) <= limit) {
                    float y = activation.apply(x);
                    extreme[decade] = sign > 0 ? Math.max(extreme[decade], y) : Math.min(extreme[decade], y);
                }
            }
        }
        double early = sign * (extreme[4] - extreme[3]);
        double late = sign * (extreme[6] - extreme[5]);
        if (!(late > 0 && late >= 0.5 * early)) {
            failures.add("declares " + claim + ", but the output stops growing: its extreme moves by " + early
                    + " from |x| <= 1e3 to 1e4 (" + extreme[3] + " to " + extreme[4] + ") and by " + late
                    + " from 1e5 to 1e6 (" + extreme[5] + " to " + extreme[6] + ")");
        }
    }

    /** Declared monotonic: no decrease between neighbouring grid points; declared not: some real decrease. */
    public void checkMonotonic() {
        Failures failures = new Failures("monotonicity");
        float[] grid = grid();
        boolean decreases = false;
        for (int i = 1; i < grid.length; i++) {
            float y0 = activation.apply(grid[i - 1]);
            float y1 = activation.apply(grid[i]);
            double allowance = 2 * (double) Math.max(Math.ulp(y0), Math.ulp(y1));
            if (y1 < y0 - allowance) {
                decreases = true;
                if (activation.properties().monotonic()) {
                    failures.add("declares monotonic (non-decreasing), but f(" + grid[i - 1] + ") = " + y0
                            + " > f(" + grid[i] + ") = " + y1);
                }
            }
        }
        if (!activation.properties().monotonic() && !decreases) {
            failures.add("declares not monotonic, but it never decreases over the grid");
        }
        failures.throwIfAny();
    }

    /** Zero-centred means f(0) = 0 and both signs occur; checked both ways against the declaration. */
    public void checkZeroCentred() {
        Failures failures = new Failures("zero-centring");
        float atZero = activation.apply(0f);
        boolean positive = false;
        boolean negative = false;
        for (float x : grid()) {
            float y = activation.apply(x);
            positive |= y > 1e-30f;
            negative |= y < -1e-30f;
        }
        boolean measured = Math.abs(atZero) <= 1e-6 && positive && negative;
        if (activation.properties().zeroCentred() && !measured) {
            failures.add("declares zero-centred, but at x = 0.0 the output is " + atZero
                    + (positive ? "" : "; no output is positive") + (negative ? "" : "; no output is negative"));
        }
        if (!activation.properties().zeroCentred() && measured) {
            failures.add("declares not zero-centred, but at x = 0.0 the output is " + atZero
                    + " and outputs of both signs occur");
        }
        failures.throwIfAny();
    }

    /**
     * Saturating means the slope tends to 0 at both ends: measured by central differences at x = +-1e4 and
     * +-1e6, against 1e-3 times the largest slope seen in [-10, 10].
     */
    public void checkSaturating() {
        Failures failures = new Failures("saturation");
        double scale = 1;
        for (float x : Grid.derivativePoints()) {
            if (Math.abs(x) <= 10) {
                scale = Math.max(scale, Math.abs(slope(x, 1e-3)));
            }
        }
        double threshold = 1e-3 * scale;
        List<String> steep = new ArrayList<>();
        for (float x : new float[] {-1e6f, -1e4f, 1e4f, 1e6f}) {
            double s = slope(x, 1e-2 * Math.abs(x));
            if (!(Math.abs(s) <= threshold)) {
                steep.add("at x = " + x + " the slope is " + s);
            }
        }
        if (activation.properties().saturating() && !steep.isEmpty()) {
            failures.add("declares saturating, but " + String.join("; ", steep) + " (threshold " + threshold + ")");
        }
        if (!activation.properties().saturating() && steep.isEmpty()) {
            failures.add("declares not saturating, but the slope at x = +-1e4 and +-1e6 is below " + threshold);
        }
        failures.throwIfAny();
    }

    private double slope(float x, double h) {
        float xp = (float) (x + h);
        float xm = (float) (x - h);
        return ((double) activation.apply(xp) - activation.apply(xm)) / ((double) xp - xm);
    }

    // ---- special values ----

    /** Every finite grid point gives a finite output and a finite derivative. */
    public void checkFinite() {
        Failures failures = new Failures("finiteness");
        for (float x : grid()) {
            float y = activation.apply(x);
            float d = activation.derivative(x, y);
            if (!Float.isFinite(y) || !Float.isFinite(d)) {
                failures.add("at x = " + x + ": output " + y + ", derivative " + d);
            }
        }
        for (float x : new float[] {-0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL}) {
            float y = activation.apply(x);
            if (!Float.isFinite(y)) {
                failures.add("at x = " + x + ": output " + y);
            }
        }
        failures.throwIfAny();
    }

    /**
     * NaN gives NaN (apply and derivative); +-inf give the limit of f: where f(+-1e30) and f(+-1e35) agree the
     * limit is that value, where f still moves it is the infinity it moves towards.
     */
    public void checkSpecialValues() {
        Failures failures = new Failures("special values");
        float nan = activation.apply(Float.NaN);
        if (!Float.isNaN(nan)) {
            failures.add("at x = NaN: output " + nan + ", expected NaN");
        }
        float nanDerivative = activation.derivative(Float.NaN, Float.NaN);
        if (!Float.isNaN(nanDerivative)) {
            failures.add("at x = NaN: derivative " + nanDerivative + ", expected NaN");
        }
        for (int sign : new int[] {-1, 1}) {
            float infinity = sign * Float.POSITIVE_INFINITY;
            float limit = activation.apply(infinity);
            float far = activation.apply(sign * 1e30f);
            float farther = activation.apply(sign * 1e35f);
            boolean settled = Math.abs((double) farther - far) <= 1e-6 * (1 + Math.abs((double) far));
            if (Float.isNaN(limit)) {
                failures.add("at x = " + infinity + ": output NaN, expected the limit");
            } else if (settled && !(Math.abs((double) limit - farther) <= 1e-6 * (1 + Math.abs((double) farther)))) {
                failures.add("at x = " + infinity + ": output " + limit + ", but f(" + sign * 1e35f + ") = " + farther);
            } else if (!settled && limit != (farther > far ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY)) {
                failures.add("at x = " + infinity + ": output " + limit + ", but f keeps moving from " + far
                        + " to " + farther + ", so the limit is infinite");
            }
            float derivative = activation.derivative(infinity, limit);
            if (Float.isNaN(derivative)) {
                failures.add("at x = " + infinity + ": derivative NaN");
            }
        }
        failures.throwIfAny();
    }

    // ---- concurrency and text ----

    /** Four threads run bulk apply and bulk derivative on shared input 50 times each; every result must equal the one-thread result bit for bit. */
    public void checkThreadSafety() {
        Failures failures = new Failures("thread safety");
        float[] x = Grid.random(new Random(seed + 2), 4099);
        float[] expectedY = new float[x.length];
        float[] expectedD = new float[x.length];
        activation.apply(x, 0, expectedY, 0, x.length);
        activation.derivative(x, 0, expectedY, 0, expectedD, 0, x.length);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    float[] y = new float[x.length];
                    float[] d = new float[x.length];
                    for (int round = 0; round < 50; round++) {
                        activation.apply(x, 0, y, 0, x.length);
                        activation.derivative(x, 0, y, 0, d, 0, x.length);
                        for (int i = 0; i < x.length; i++) {
                            if (Float.floatToIntBits(y[i]) != Float.floatToIntBits(expectedY[i])
                                    || Float.floatToIntBits(d[i]) != Float.floatToIntBits(expectedD[i])) {
                                return "at x = " + x[i] + " in round " + round + ": output " + y[i] + " (alone "
                                        + expectedY[i] + "), derivative " + d[i] + " (alone " + expectedD[i] + ")";
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<String> result : results) {
                String failure = result.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted");
        } catch (ExecutionException e) {
            failures.add("a thread threw " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
        failures.throwIfAny();
    }

    /** spec() prints as text that parses back to an equal spec. */
    public void checkSpecRoundTrip() {
        ActivationSpec spec = activation.spec();
        if (spec == null) {
            fail(label + ": spec() returned null");
        }
        ActivationSpec parsed;
        try {
            parsed = ActivationSpec.parse(spec.toString());
        } catch (HotcellException e) {
            fail(label + ": spec text '" + spec + "' does not parse back: " + e.getMessage());
            return;
        }
        if (!parsed.equals(spec)) {
            fail(label + ": spec text '" + spec + "' parses to " + parsed + ", which is not equal");
        }
    }

    private float[] grid() {
        return Grid.wide(activation.properties().kinks());
    }

    private static double slack(double bound) {
        return Double.isFinite(bound) ? 1e-6 * (1 + Math.abs(bound)) : 0;
    }

    /** Collects the first few failures of one check and reports them together. */
    private final class Failures {
        private final String check;
        private final List<String> messages = new ArrayList<>();
        private int count;

        Failures(String check) {
            this.check = check;
        }

        void add(String message) {
            count++;
            if (messages.size() < MAX_REPORTED) {
                messages.add(message);
            }
        }

        void throwIfAny() {
            if (count > 0) {
                fail(label + ": " + check + " fails " + (count == 1 ? "once" : count + " times") + ": "
                        + String.join("; ", messages) + (count > messages.size() ? "; ..." : ""));
            }
        }
    }
}
