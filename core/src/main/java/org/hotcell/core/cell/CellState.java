package org.hotcell.core.cell;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * The recurrent state of N independent streams of one cell: the hidden state h {@code [N, H]} and, for cells
 * that have one (LSTM), the cell state c {@code [N, H]}. Mutable: {@link Cell#step} advances it in place. Not
 * thread-safe; a stream's state belongs to one caller at a time. Snapshots go to bytes and back exactly.
 */
public final class CellState {
    private static final int MAGIC = 0x48435354; // "HCST"
    private static final int VERSION = 1;

    private final int batch;
    private final int hidden;
    private final float[] h;
    private final float[] c;

    private CellState(int batch, int hidden, float[] h, float[] c) {
        this.batch = batch;
        this.hidden = hidden;
        this.h = h;
        this.c = c;
    }

    /** A zero state of N streams; {@code withCell} adds a cell state c. */
    public static CellState zeros(int batch, int hidden, boolean withCell) {
        if (batch < 0 || hidden < 1) {
            throw new ShapeMismatchException("state of " + batch + " streams x " + hidden + " units is not a shape");
        }
        return new CellState(batch, hidden, new float[batch * hidden], withCell ? new float[batch * hidden] : null);
    }

    /**
     * A state over the given arrays (not copied).
     *
     * @param c null for a cell without a cell state
     */
    public static CellState of(int batch, int hidden, float[] h, float[] c) {
        ShapeMismatchException.check("length of hidden state h for " + batch + " x " + hidden, h.length,
                (long) batch * hidden);
        if (c != null) {
            ShapeMismatchException.check("length of cell state c for " + batch + " x " + hidden, c.length,
                    (long) batch * hidden);
        }
        return new CellState(batch, hidden, h, c);
    }

    /** N, the number of streams. */
    public int batch() {
        return batch;
    }

    /** H, units per stream. */
    public int hidden() {
        return hidden;
    }

    /** The hidden state, {@code [N, H]} row-major; live, not a copy. */
    public float[] h() {
        return h;
    }

    /** The cell state, {@code [N, H]}, or null for cells without one; live, not a copy. */
    public float[] c() {
        return c;
    }

    /** Whether a cell state c is present. */
    public boolean hasCell() {
        return c != null;
    }

    /** A deep copy. */
    public CellState copy() {
        return new CellState(batch, hidden, h.clone(), c == null ? null : c.clone());
    }

    /** Gathers single-or-multi-stream states (same H, all with or all without c) into one state, in order. */
    public static CellState gather(List<CellState> parts) {
        if (parts.isEmpty()) {
            throw new ShapeMismatchException("cannot gather an empty list of states");
        }
        int hidden = parts.get(0).hidden;
        boolean withCell = parts.get(0).hasCell();
        int total = 0;
        for (CellState part : parts) {
            ShapeMismatchException.check("hidden size of a gathered state", part.hidden, hidden);
            if (part.hasCell() != withCell) {
                throw new ShapeMismatchException("cannot gather states with and without a cell state");
            }
            total += part.batch;
        }
        CellState all = zeros(total, hidden, withCell);
        int at = 0;
        for (CellState part : parts) {
            System.arraycopy(part.h, 0, all.h, at, part.h.length);
            if (withCell) {
                System.arraycopy(part.c, 0, all.c, at, part.c.length);
            }
            at += part.h.length;
        }
        return all;
    }

    /** Copies this state's streams back into {@code parts}, the inverse of {@link #gather}. */
    public void scatter(List<CellState> parts) {
        int at = 0;
        for (CellState part : parts) {
            System.arraycopy(h, at, part.h, 0, part.h.length);
            if (c != null) {
                System.arraycopy(c, at, part.c, 0, part.c.length);
            }
            at += part.h.length;
        }
        ShapeMismatchException.check("streams scattered", at / hidden, batch);
    }

    /** The state as bytes: a small header, then h and c as little-endian floats. */
    public byte[] toBytes() {
        int floats = h.length + (c == null ? 0 : c.length);
        ByteBuffer buffer = ByteBuffer.allocate(20 + 4 * floats).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(VERSION).putInt(batch).putInt(hidden).putInt(c == null ? 0 : 1);
        buffer.asFloatBuffer().put(h);
        if (c != null) {
            buffer.position(20 + 4 * h.length);
            buffer.asFloatBuffer().put(c);
        }
        return buffer.array();
    }

    /**
     * Reads a state written by {@link #toBytes}.
     *
     * @throws BadModelException when the bytes are not a state snapshot or are truncated
     */
    public static CellState fromBytes(byte[] bytes) {
        if (bytes.length < 20) {
            throw new BadModelException("state snapshot is " + bytes.length + " bytes, shorter than its 20-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buffer.getInt();
        int version = buffer.getInt();
        if (magic != MAGIC || version != VERSION) {
            throw new BadModelException("bytes are not a Hotcell state snapshot (magic " + Integer.toHexString(magic)
                    + ", version " + version + ")");
        }
        int batch = buffer.getInt();
        int hidden = buffer.getInt();
        int hasCell = buffer.getInt();
        long floats = (long) batch * hidden * (hasCell == 1 ? 2 : 1);
        if (batch < 0 || hidden < 1 || (hasCell & ~1) != 0 || 20 + 4 * floats != bytes.length) {
            throw new BadModelException("state snapshot header (" + batch + " streams, " + hidden
                    + " units, cell " + hasCell + ") does not match its " + bytes.length + " bytes");
        }
        CellState state = zeros(batch, hidden, hasCell == 1);
        buffer.asFloatBuffer().get(state.h);
        if (state.c != null) {
            buffer.position(20 + 4 * state.h.length);
            buffer.asFloatBuffer().get(state.c);
        }
        return state;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellState s && s.batch == batch && s.hidden == hidden && Arrays.equals(s.h, h)
                && Arrays.equals(s.c, c);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(h) + Arrays.hashCode(c);
    }

    @Override
    public String toString() {
        return "CellState[" + batch + " x " + hidden + (c == null ? "" : ", with cell state") + "]";
    }
}
