package org.hotcell.cells.internal.engine;

import org.hotcell.core.cell.SequenceBatch;

/**
 * What a forward pass keeps for backward. Every per-step array is indexed by storage row, the row of
 * (step t, item n) in the input ({@code t*N+n} time-major, {@code n*T+t} batch-major), so that the weight
 * gradients are single products over all rows. Rows a sequence never reached stay zero.
 */
public final class Trace {
    final RecurrentCell owner;
    /** The owner's weight version when the pass ran: backward refuses a trace from before an update. */
    final int version;
    final SequenceBatch x;
    final boolean reverse;
    final int[] lengths;
    /** Gate pre-activations before clipping, {@code [rows, G*H]}. */
    public final float[] pre;
    /** Gate activations, {@code [rows, G*H]}. */
    public final float[] act;
    /** Hidden state before the step, {@code [rows, H]}. */
    public final float[] hPrev;
    /** LSTM: cell state before the step; else null. */
    public final float[] cPrev;
    /** LSTM: cell state after the step (unclipped); else null. */
    public final float[] cNew;
    /** LSTM: output activation h(clip(c)); GRU: the candidate's recurrent input; else null. */
    public final float[] extra;

    Trace(RecurrentCell owner, int version, SequenceBatch x, boolean reverse, int[] lengths, int rows, int width, int hidden,
          boolean cellState, boolean extra) {
        this.owner = owner;
        this.version = version;
        this.x = x;
        this.reverse = reverse;
        this.lengths = lengths;
        this.pre = new float[rows * width];
        this.act = new float[rows * width];
        this.hPrev = new float[rows * hidden];
        this.cPrev = cellState ? new float[rows * hidden] : null;
        this.cNew = cellState ? new float[rows * hidden] : null;
        this.extra = extra ? new float[rows * hidden] : null;
    }
}
