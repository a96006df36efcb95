package org.hotcell.backend.simd.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species every kernel uses, chosen once per JVM. Species live in static finals only: the JIT
 * treats them as constants there and nowhere else.
 *
 * <p>System property {@code hotcell.simd.bits} may force 128, 256 or 512-bit vectors (for tests and
 * comparisons); by default the widest the CPU runs natively.
 */
public final class Lanes {
    private Lanes() {
    }

    /** The float species of the kernels. */
    public static final VectorSpecies<Float> SPECIES = choose(Integer.getInteger("hotcell.simd.bits", 0));

    /** Floats per vector. */
    public static final int LENGTH = SPECIES.length();

    /** Columns of a packed panel and of the micro-kernel's tile: two vectors. */
    public static final int PANEL = 2 * LENGTH;

    private static VectorSpecies<Float> choose(int bits) {
        return switch (bits) {
            case 0 -> FloatVector.SPECIES_PREFERRED;
            case 64, 128, 256, 512 -> FloatVector.SPECIES_128.withShape(VectorShape.forBitSize(bits));
            default -> throw new IllegalArgumentException(
                    "hotcell.simd.bits must be 128, 256 or 512 (or unset for the CPU's widest), got " + bits);
        };
    }
}
