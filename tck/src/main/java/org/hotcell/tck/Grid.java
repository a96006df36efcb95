package org.hotcell.tck;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** The sample points the checks use: deterministic grids and seeded random arrays. */
final class Grid {
    private Grid() {
    }

    /**
     * A sorted grid over [-1e6, 1e6]: every 0.01 in [-10, 10], then 40 points per decade out to 1e6 on both
     * sides, tiny magnitudes down to 1e-30, zero, and the given extra points (kinks and their neighbours).
     */
    static float[] wide(List<Double> extra) {
        TreeSet<Float> points = new TreeSet<>();
        for (int i = -1000; i <= 1000; i++) {
            points.add(i / 100f);
        }
        for (double e = -30; e <= 6; e += 1.0 / 40) {
            float v = (float) Math.pow(10, e);
            points.add(v);
            points.add(-v);
        }
        points.add(0f);
        for (double k : extra) {
            if (Double.isFinite(k) && Math.abs(k) <= 1e6) {
                float kf = (float) k;
                points.add(kf);
                points.add(Math.nextUp(kf));
                points.add(Math.nextDown(kf));
            }
        }
        points.remove(-0f);
        points.add(0f);
        return toArray(points);
    }

    /** Points for the finite-difference check: dense in [-8, 8] (step 1/64 + an irrational shift), sparser to 60. */
    static float[] derivativePoints() {
        TreeSet<Float> points = new TreeSet<>();
        for (int i = -512; i <= 512; i++) {
            points.add((float) (i / 64.0 + 0.003141592653589793));
        }
        for (double v = 8; v <= 60; v *= 1.1) {
            points.add((float) v);
            points.add((float) -v);
        }
        points.add(0f);
        points.add(1e-3f);
        points.add(-1e-3f);
        return toArray(points);
    }

    /**
     * A random array: mostly N(0, 3^2), some uniform in [-100, 100], some of magnitude up to 1e4, and a few
     * NaN, infinities, zeros of both signs and subnormals.
     */
    static float[] random(Random random, int length) {
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(100);
            a[i] = switch (kind) {
                case 0 -> Float.NaN;
                case 1 -> Float.POSITIVE_INFINITY;
                case 2 -> Float.NEGATIVE_INFINITY;
                case 3 -> -0f;
                case 4 -> Float.MIN_VALUE * random.nextInt(1000) * (random.nextBoolean() ? 1 : -1);
                default -> kind < 70 ? (float) (random.nextGaussian() * 3)
                        : kind < 90 ? (float) (random.nextDouble() * 200 - 100)
                        : (float) (Math.pow(10, random.nextDouble() * 4) * (random.nextBoolean() ? 1 : -1));
            };
        }
        return a;
    }

    private static float[] toArray(TreeSet<Float> points) {
        float[] a = new float[points.size()];
        int i = 0;
        for (float p : points) {
            a[i++] = p;
        }
        return a;
    }
}
