package org.hotcell.backend.simd.internal;

/**
 * A float buffer per thread, reused across calls so that a warm product allocates nothing, and grown to the
 * largest size the thread has asked for up to a limit (larger requests get an array of their own). It holds
 * a bare {@code float[]} on purpose: a value of one of this bundle's classes in a thread-local of a long-lived
 * thread (an HTTP worker, say) would hold this bundle's class loader after the bundle is updated.
 */
public final class ThreadBuffer {
    private final ThreadLocal<float[]> buffers = new ThreadLocal<>();
    private final int keptFloats;

    /** Keeps buffers of up to {@code keptFloats}. */
    public ThreadBuffer(int keptFloats) {
        this.keptFloats = keptFloats;
    }

    /** This thread's buffer of at least {@code floats} (its contents are whatever the last user left). */
    public float[] atLeast(int floats) {
        if (floats > keptFloats) {
            return new float[floats];
        }
        float[] buffer = buffers.get();
        if (buffer == null || buffer.length < floats) {
            buffer = new float[floats];
            buffers.set(buffer);
        }
        return buffer;
    }
}
