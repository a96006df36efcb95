package org.hotcell.cells.internal.engine;

/**
 * The scratch arrays of one pass over N streams, allocated before the time loop so that the loop allocates
 * nothing. Not thread-safe: one pass (or one {@code step} call) owns it at a time.
 */
public final class Workspace {
    /** Streams this workspace was sized for. */
    public final int batch;
    /** Gate pre-activations then activations of the current step, {@code [N, G*H]}. */
    public final float[] g;
    /** Backward: gate pre-activation gradients of the current step, {@code [N, G*H]}. */
    public final float[] d;
    /** Per-stream scratch {@code [N, H]}. */
    public final float[] a;
    /** Per-stream scratch {@code [N, H]}. */
    public final float[] b;
    /**
     * Per stream, the storage row of the current step in the input and trace ({@code >= 0}), or -1 when the
     * stream is past its length (or before it, in reverse) and must be left untouched.
     */
    public final int[] rows;

    Workspace(int batch, int width, int hidden) {
        this.batch = batch;
        this.g = new float[batch * width];
        this.d = new float[batch * width];
        this.a = new float[batch * hidden];
        this.b = new float[batch * hidden];
        this.rows = new int[batch];
    }
}
