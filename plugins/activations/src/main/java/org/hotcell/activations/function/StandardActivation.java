package org.hotcell.activations.function;

import java.util.Objects;

import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * What every standard activation shares: its canonical spec, its declared properties, and the bound within
 * which its Vector API bulk forms agree with its scalar forms.
 *
 * <p>The Vector API is optional. Where it is absent (see {@link VectorSupport}) the bulk forms run the scalar
 * forms element by element, so they equal them bit for bit; the bound each subclass states is then met with
 * room to spare.
 *
 * <p>Each subclass writes its own bulk loops (rather than one loop here calling an abstract lane function):
 * a loop shared by many subclasses would make that call megamorphic, and the JIT would then box every vector.
 * Its vector loop lives in a nested class that only {@link VectorSupport#AVAILABLE} lets load, so that the
 * subclass itself links without {@code jdk.incubator.vector}; its scalar loop, the tail of the vector loop and
 * the whole range without the Vector API, stays in the subclass, where {@code apply(float)} is a monomorphic
 * call the JIT inlines.
 */
public abstract class StandardActivation implements Activation {
    private final ActivationSpec spec;
    private final ActivationProperties properties;

    /**
     * @param spec       the canonical spec (every parameter named)
     * @param properties what the function is like for these parameters
     */
    protected StandardActivation(ActivationSpec spec, ActivationProperties properties) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    @Override
    public final ActivationSpec spec() {
        return spec;
    }

    @Override
    public final ActivationProperties properties() {
        return properties;
    }

    /**
     * How far the bulk forms (apply and derivative) may be from the scalar forms, element by element, when they
     * run their Vector API kernels; without the Vector API they are exact.
     */
    public abstract BulkAccuracy bulkAccuracy();

    @Override
    public String toString() {
        return spec.toString();
    }

    /** Checks the ranges of a bulk call up front, so that a bad one fails before anything is written. */
    protected static void checkRanges(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(srcOff, length, src.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
    }

    /** The same, for the three ranges of a bulk derivative. */
    protected static void checkRanges(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        Objects.checkFromIndexSize(xOff, length, x.length);
        Objects.checkFromIndexSize(yOff, length, y.length);
        Objects.checkFromIndexSize(dstOff, length, dst.length);
    }
}
