package org.example.activations;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape the bulk forms use, and the lane-wise form of {@link Scaling#clamp(float)}. Only the nested
 * kernel classes of the activations and {@link VectorSupport}'s probe use it, so it is loaded only where the
 * Vector API is there.
 */
final class Lanes {
    /** A static final species, so that C2 sees a constant shape; never kept in an instance field. */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private Lanes() {
    }

    /** The lane-wise form of {@link Scaling#clamp(float)}. */
    static FloatVector clamp(FloatVector x) {
        return x.min(Float.MAX_VALUE).max(-Float.MAX_VALUE);
    }
}
