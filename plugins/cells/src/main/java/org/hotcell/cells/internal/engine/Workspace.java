package org.hotcell.cells.internal.engine;

import org.hotcell.core.backend.UnitTask;

/**
 * The scratch arrays of one pass over N streams, allocated before the time loop so that the loop allocates
 * nothing. Not thread-safe: one pass (or one {@code step} call) owns it at a time. Within a step, the cell's
 * unit tasks may run on the backend's threads for disjoint ranges of hidden units.
 */
public final class Workspace {
    /** Streams this workspace was sized for. */
    public final int batch;
    /**
     * Gate pre-activations then activations of the current step, {@code [N, G*H]}, when they are not read in
     * place (see {@link #gates()}).
     */
    public final float[] g;
    /** Backward: gate pre-activation gradients of the current step, {@code [N, G*H]}. */
    public final float[] d;
    /** Per-stream scratch {@code [N, H]}. */
    public final float[] a;
    /** Per-stream scratch {@code [N, H]}. */
    public final float[] b;
    /**
     * A second hidden-state array, {@code [N, H]}: the unit tasks write the new h elsewhere than h ({@link
     * #hOut()}), because other threads may still be reading h as the step's product input; a forward pass
     * alternates between this array and the state's own.
     */
    public final float[] hNext;
    /**
     * Per stream, the storage row of the current step in the input and trace ({@code >= 0}), or -1 when the
     * stream is past its length (or before it, in reverse) and must be left untouched.
     */
    public final int[] rows;
    /**
     * Where the current step's gate block lives: {@link #g}, or the pass's input products themselves when the
     * step's storage rows are adjacent (every stream running, time-major), which spares copying them into g.
     * Stream n's row starts at {@code gatesBase + n * G*H}.
     */
    private float[] gates;
    private int gatesBase;
    /** The state and trace of the step in progress, for the unit tasks; set by {@link #bind}. */
    private float[] h;
    private float[] c;
    private Trace trace;
    /**
     * The current step's input rows when the step computes their product itself ({@link #inputPending}): row n
     * at {@code input[inputOff + n * inputLd]}; null when the gate block already holds it.
     */
    private float[] input;
    private int inputOff;
    private int inputLd;
    /** Where the unit tasks write the new hidden state of the step in progress ({@link #hOut()}). */
    private float[] hOut;
    /**
     * The pass's output sequence, or null (a streaming step): the last unit task of a step also copies the new h
     * of each running stream n to row {@code outRows[n]} of it, on the thread that computed those units.
     */
    private float[] out;
    /** Per stream, its row of {@link #out} at the current step (read only for running streams). */
    final int[] outRows;
    /** The cell type's unit tasks bound to this workspace, made once so a step allocates nothing. */
    private UnitTask[] tasks = new UnitTask[0];

    Workspace(int batch, int width, int hidden) {
        this.batch = batch;
        this.g = new float[batch * width];
        this.d = new float[batch * width];
        this.a = new float[batch * hidden];
        this.b = new float[batch * hidden];
        this.hNext = new float[batch * hidden];
        this.rows = new int[batch];
        this.outRows = new int[batch];
        this.gates = g;
        this.hOut = hNext;
    }

    /** The array holding the current step's gate block (see {@link #gatesBase}). */
    public float[] gates() {
        return gates;
    }

    /** Where stream 0's gate row starts in {@link #gates()}. */
    public int gatesBase() {
        return gatesBase;
    }

    /** The step's gate block is {@link #g} (filled by the caller). */
    void gatesInScratch() {
        gates = g;
        gatesBase = 0;
    }

    /** The step's gate block is {@code array} from {@code base}, N adjacent rows of G*H. */
    void gatesIn(float[] array, int base) {
        gates = array;
        gatesBase = base;
    }

    /**
     * The step's gate block ({@link #g}) is still to be computed from these input rows, by the step's own
     * product ({@code RecurrentCell.advanceOneProduct}).
     */
    void inputPending(float[] x, int off, int ld) {
        gatesInScratch();
        input = x;
        inputOff = off;
        inputLd = ld;
    }

    /** The pending input rows ({@link #inputPending}), or null when the gate block holds the input product. */
    float[] input() {
        return input;
    }

    int inputOff() {
        return inputOff;
    }

    int inputLd() {
        return inputLd;
    }

    /** The pending input has been taken into the gate block. */
    void inputTaken() {
        input = null;
    }

    /**
     * Sets the state and trace of the step about to run. The backend's hand-off to its threads publishes
     * these writes to the unit tasks.
     */
    public void bind(float[] h, float[] c, Trace trace) {
        this.h = h;
        this.c = c;
        this.trace = trace;
    }

    /** The array the unit tasks write the current step's new hidden state to, {@code [N, H]}. */
    public float[] hOut() {
        return hOut;
    }

    /** The unit tasks of the next steps write the new hidden state to {@code array}. */
    void hOut(float[] array) {
        hOut = array;
    }

    /** The output sequence the steps' new h also go to ({@link #out}), or null for none. */
    void out(float[] y) {
        out = y;
    }

    /**
     * Copies units {@code [from, to)} of the new h of every running stream to its output row, when there is an
     * output: run after the cell's last unit task of a step, on the same thread.
     */
    void copyOut(int from, int to, int hidden) {
        if (out == null) {
            return;
        }
        for (int n = 0; n < batch; n++) {
            if (rows[n] >= 0) {
                System.arraycopy(hOut, n * hidden + from, out, outRows[n] * hidden + from, to - from);
            }
        }
    }

    /** The current step's hidden state before the step. */
    public float[] h() {
        return h;
    }

    /** The current step's cell state (updated in place by an LSTM), or null. */
    public float[] c() {
        return c;
    }

    /** The current step's trace, or null. */
    public Trace trace() {
        return trace;
    }

    /** The cell type's unit task {@code index}. */
    public UnitTask task(int index) {
        return tasks[index];
    }

    void tasks(UnitTask[] tasks) {
        this.tasks = tasks.clone();
    }
}
