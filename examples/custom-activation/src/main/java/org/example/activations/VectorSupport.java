package org.example.activations;

import jdk.incubator.vector.FloatVector;

/**
 * Whether the bulk forms can use the Vector API, decided once, at the first bulk call. The Vector API is an
 * incubator module: a JVM started without {@code --add-modules jdk.incubator.vector}, or an OSGi container whose
 * system bundle does not export {@code jdk.incubator.vector}, lacks it. Then the bulk forms run the scalar forms
 * element by element (which they equal bit for bit in any case), and one INFO line says so.
 *
 * <p>The probe runs a small Vector API operation from a nested class, so that no class outside the nested
 * ones links against the module, and takes any {@link LinkageError} or {@link RuntimeException} to mean "not
 * available".
 */
final class VectorSupport {
    /** True when the bulk forms run their Vector API loops. */
    static final boolean AVAILABLE = probe();

    private VectorSupport() {
    }

    private static boolean probe() {
        try {
            Probe.run();
            return true;
        } catch (LinkageError | RuntimeException e) {
            System.getLogger(VectorSupport.class.getName()).log(System.Logger.Level.INFO,
                    "org.example.activations: jdk.incubator.vector is not available (" + e + "); isru and "
                            + "bent_identity run their scalar loops. Start the JVM with --add-modules "
                            + "jdk.incubator.vector (in OSGi also export the package from the system bundle) for "
                            + "the Vector API.");
            return false;
        }
    }

    /** The probe's Vector API code, in a class of its own so that only it links against jdk.incubator.vector. */
    private static final class Probe {
        static void run() {
            float[] lanes = new float[Lanes.SPECIES.length()];
            Lanes.clamp(FloatVector.broadcast(Lanes.SPECIES, Float.POSITIVE_INFINITY)).intoArray(lanes, 0);
            if (lanes[0] != Float.MAX_VALUE) {
                throw new IllegalStateException("the Vector API clamped inf to " + lanes[0]);
            }
        }
    }
}
