package org.hotcell.activations.math;

import jdk.incubator.vector.FloatVector;

import org.slf4j.LoggerFactory;

/**
 * Whether the Vector API kernels can run here, decided once per class loader. The bulk forms of every standard
 * activation use their Vector API kernel when {@link #AVAILABLE} is true; otherwise they run their scalar form
 * element by element, and so give the scalar results bit for bit.
 *
 * <p>The Vector API is an incubator module: a JVM started without {@code --add-modules jdk.incubator.vector}
 * does not have it, and neither does a bundle in an OSGi container whose system bundle does not export
 * {@code jdk.incubator.vector} (the bundle imports the package optionally, so it resolves either way). The
 * probe runs one small kernel from a nested class, so that no class outside the nested ones links against the
 * module, and takes any {@link LinkageError} or {@link RuntimeException} to mean "not available". When it
 * falls back it logs one INFO line that says why and what to do.
 *
 * <p>The system property {@code hotcell.vector=false} (as in {@code java -Dhotcell.vector=false}) turns the
 * kernels off even where the Vector API is present: to rule SIMD out when hunting a numerical difference, or to
 * test the scalar path. It is read once, when this class is initialized; setting it later changes nothing.
 */
public final class VectorSupport {
    /** The system property that turns the Vector API kernels off when its value is {@code false}. */
    public static final String PROPERTY = "hotcell.vector";

    /** True when the bulk forms run their Vector API kernels; fixed for the life of this class's loader. */
    public static final boolean AVAILABLE = probe();

    private VectorSupport() {
    }

    private static boolean probe() {
        String message;
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "").strip())) {
            message = "the Vector API kernels are turned off by -D" + PROPERTY + "=false; activations run their "
                    + "scalar loops. Remove the property for the Vector API kernels.";
        } else {
            try {
                Probe.run();
                return true;
            } catch (LinkageError | RuntimeException e) {
                message = "jdk.incubator.vector is not available (" + e + "); activations run their scalar loops. "
                        + "Start the JVM with --add-modules jdk.incubator.vector (in OSGi also export the package "
                        + "from the system bundle) for the Vector API kernels.";
            }
        }
        LoggerFactory.getLogger(VectorSupport.class).info("org.hotcell.activations: {}", message);
        return false;
    }

    /** The probe's Vector API code, in a class of its own so that only it links against jdk.incubator.vector. */
    private static final class Probe {
        static void run() {
            // VectorMath.exp initializes VectorMath and runs the casts every kernel relies on.
            float[] lanes = new float[VectorMath.SPECIES.length()];
            VectorMath.exp(FloatVector.zero(VectorMath.SPECIES)).intoArray(lanes, 0);
            if (lanes[0] != 1f) {
                throw new IllegalStateException("the Vector API computed e^0 as " + lanes[0]);
            }
        }
    }
}
