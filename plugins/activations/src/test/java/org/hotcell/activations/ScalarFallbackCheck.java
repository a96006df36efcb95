package org.hotcell.activations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.registry.PluginRegistry;

/**
 * The child JVM of {@link VectorFallbackTest}. It makes every standard activation (each served name with its
 * defaults, then the non-default settings of {@link Variants}) from a factory loaded by its class name, runs
 * each bulk form at shifted offsets over special and ordinary values, and compares the results with the scalar
 * forms bit for bit (NaN compared as NaN, whatever its payload).
 *
 * <p>It prints {@code vector available: <true|false>}, then one result line; it exits with 1 on a mismatch.
 * Bit-for-bit agreement is promised only for the scalar path, so the result means something only where
 * {@code vector available: false}.
 */
final class ScalarFallbackCheck {
    static final String AVAILABLE = "vector available: ";
    static final String AGREE = "bulk == scalar bit for bit: ";

    /** Odd, so that it is a multiple of no vector width: every kernel would also run its tail. */
    private static final int LENGTH = 4099;
    private static final int MISMATCHES_SHOWN = 5;

    private ScalarFallbackCheck() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        System.out.println(AVAILABLE + VectorSupport.AVAILABLE);
        ActivationFactory factory = (ActivationFactory) Class.forName("org.hotcell.activations.StandardActivations")
                .getConstructor().newInstance();
        PluginRegistry registry = new PluginRegistry();
        registry.add(factory, "the class path");
        Set<String> specs = new LinkedHashSet<>(factory.names());
        specs.addAll(Variants.SPECS);

        float[] x = inputs();
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (String spec : specs) {
            Activation activation = registry.activation(spec);
            compare(spec, activation, x, mismatches);
            count++;
        }
        if (mismatches.isEmpty()) {
            System.out.println(AGREE + count + " activations x " + LENGTH + " values");
        } else {
            System.out.println("MISMATCH: " + mismatches.size() + " values differ, first "
                    + String.join("; ", mismatches.subList(0, Math.min(MISMATCHES_SHOWN, mismatches.size()))));
        }
        System.out.flush();
        System.exit(mismatches.isEmpty() ? 0 : 1);
    }

    /** Special values first (each of them in scalar and, with the Vector API, in vector lanes), then random. */
    static float[] inputs() {
        float[] special = {Float.NaN, Float.intBitsToFloat(0xffc00001), Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 0x1p-140f, -0x1p-140f,
                Math.nextDown(Float.MIN_NORMAL), -Math.nextDown(Float.MIN_NORMAL), Float.MIN_NORMAL,
                -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1e30f, -1e30f, 1f, -1f, 0.5f, -0.5f, 1e-7f,
                -1e-7f, 20f, -20f, 40f, -40f, 88.8f, -87.4f, -104f, 100f, -100f};
        float[] x = new float[LENGTH];
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            if (i < special.length) {
                x[i] = special[i];
            } else if (i % 3 == 0) {
                x[i] = Float.intBitsToFloat(random.nextInt());
            } else {
                x[i] = (float) (random.nextGaussian() * 8);
            }
        }
        return x;
    }

    private static void compare(String spec, Activation activation, float[] x, List<String> mismatches) {
        // Shifted offsets, different for each array, so that an offset mixed up shows as a mismatch.
        float[] src = new float[LENGTH + 3];
        System.arraycopy(x, 0, src, 3, LENGTH);
        float[] bulk = new float[LENGTH + 5];
        activation.apply(src, 3, bulk, 5, LENGTH);
        float[] y = new float[LENGTH + 2];
        for (int i = 0; i < LENGTH; i++) {
            y[2 + i] = activation.apply(x[i]);
            check(spec, "apply", x[i], y[2 + i], bulk[5 + i], mismatches);
        }
        float[] bulkDerivative = new float[LENGTH + 1];
        activation.derivative(src, 3, y, 2, bulkDerivative, 1, LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            check(spec, "derivative", x[i], activation.derivative(x[i], y[2 + i]), bulkDerivative[1 + i],
                    mismatches);
        }
    }

    private static void check(String spec, String form, float x, float scalar, float bulk, List<String> mismatches) {
        if (Float.floatToIntBits(scalar) != Float.floatToIntBits(bulk)) {
            mismatches.add(spec + " " + form + " at x = " + x + ": bulk " + bulk + ", scalar " + scalar);
        }
    }
}
