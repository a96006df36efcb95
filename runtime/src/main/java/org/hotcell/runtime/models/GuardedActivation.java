package org.hotcell.runtime.models;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.PluginFaultException;

/**
 * An activation from a plugin, checked on every call: an exception from the plugin, or a NaN or infinite output
 * for a finite input, becomes a {@link PluginFaultException} naming the bundle, the activation and the input, so
 * that a faulty plugin fails the request that used it and nothing else. Costs one pass over each block's input
 * and output, which is small next to the matrix products of a step.
 */
final class GuardedActivation implements Activation {
    private final Activation delegate;
    private final String origin;

    GuardedActivation(Activation delegate, String origin) {
        this.delegate = delegate;
        this.origin = origin;
    }

    @Override
    public ActivationSpec spec() {
        return delegate.spec();
    }

    @Override
    public ActivationProperties properties() {
        return delegate.properties();
    }

    @Override
    public float apply(float x) {
        float y;
        try {
            y = delegate.apply(x);
        } catch (HotcellException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw fault("threw " + e + " for input " + x, e);
        }
        if (Float.isFinite(x) && !Float.isFinite(y)) {
            throw fault("returned " + y + " for the finite input " + x, null);
        }
        return y;
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        int firstNonFinite = -1;
        for (int i = 0; i < length && firstNonFinite < 0; i++) {
            if (!Float.isFinite(src[srcOff + i])) {
                firstNonFinite = i;
            }
        }
        // Only an in-place call overwrites its input; keep the one value a message may need.
        float firstInput = length > 0 ? src[srcOff] : 0f;
        try {
            delegate.apply(src, srcOff, dst, dstOff, length);
        } catch (HotcellException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw fault("threw " + e + " on a block of " + length + " inputs starting with " + firstInput, e);
        }
        if (firstNonFinite >= 0) {
            return; // A non-finite input may give a non-finite output; that is the caller's data, not a fault.
        }
        for (int i = 0; i < length; i++) {
            float y = dst[dstOff + i];
            if (!Float.isFinite(y)) {
                String input = src != dst || srcOff != dstOff ? " for the finite input " + src[srcOff + i]
                        : " for a finite input (block element " + i + ")";
                throw fault("returned " + y + input, null);
            }
        }
    }

    @Override
    public void applyInPlace(float[] a, int off, int length) {
        apply(a, off, a, off, length);
    }

    @Override
    public float derivative(float x, float y) {
        return delegate.derivative(x, y);
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        delegate.derivative(x, xOff, y, yOff, dst, dstOff, length);
    }

    private PluginFaultException fault(String what, Throwable cause) {
        String message = "activation '" + delegate.spec() + "' from " + origin + " " + what
                + "; the plugin is faulty";
        return cause == null ? new PluginFaultException(message) : new PluginFaultException(message, cause);
    }
}
