package org.hotcell.runtime.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.error.HotcellException;

/**
 * A stream's state as bytes, for export, import and the store: a header ({@code HCSS}, version, model name,
 * batch, steps taken, then per layer and direction the units and whether c is kept), then every layer's
 * {@link CellState#toBytes()} snapshot. Big-endian framing; the snapshots are CellState's own format.
 *
 * @param model  the model the state came from (informative: an import is checked by layer sizes)
 * @param batch  N, or -1 for a stream that has taken no step
 * @param steps  steps taken
 * @param states per layer the state of each direction, or null before the first step
 */
public record StreamSnapshot(String model, int batch, long steps, List<List<CellState>> states) {
    private static final int MAGIC = 0x48435353; // "HCSS"
    private static final int VERSION = 1;

    /** The snapshot of a stream that has taken no step. */
    public static StreamSnapshot fresh(String model) {
        return new StreamSnapshot(model, -1, 0, null);
    }

    /** The shape of the state, or null before the first step. */
    public StateShape shape() {
        return states == null ? null : StateShape.of(states);
    }

    /** The bytes described above. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(model);
            out.writeInt(batch);
            out.writeLong(steps);
            List<List<CellState>> layers = states == null ? List.of() : states;
            out.writeInt(layers.size());
            for (List<CellState> layer : layers) {
                out.writeInt(layer.size());
                for (CellState state : layer) {
                    out.writeInt(state.hidden());
                    out.writeBoolean(state.hasCell());
                    byte[] snapshot = state.toBytes();
                    out.writeInt(snapshot.length);
                    out.write(snapshot);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@link #toBytes()}.
     *
     * @throws StateMismatchException when the bytes are not a stream snapshot, are truncated or disagree inside
     */
    public static StreamSnapshot fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int magic = in.readInt();
            int version = in.readInt();
            if (magic != MAGIC || version != VERSION) {
                throw new StateMismatchException("the bytes are not a Hotcell stream snapshot (magic "
                        + Integer.toHexString(magic) + ", version " + version + "; expected 48435353, 1)");
            }
            String model = in.readUTF();
            int batch = in.readInt();
            long steps = in.readLong();
            int layerCount = in.readInt();
            if (layerCount < 0 || layerCount > 10_000) {
                throw new StateMismatchException("the snapshot claims " + layerCount + " layers");
            }
            List<List<CellState>> states = new ArrayList<>();
            for (int l = 0; l < layerCount; l++) {
                int parts = in.readInt();
                if (parts < 1 || parts > 2) {
                    throw new StateMismatchException("layer " + l + " of the snapshot claims " + parts + " directions");
                }
                List<CellState> layer = new ArrayList<>();
                for (int d = 0; d < parts; d++) {
                    int hidden = in.readInt();
                    boolean cell = in.readBoolean();
                    int length = in.readInt();
                    if (length < 0 || length > in.available()) {
                        throw new StateMismatchException("layer " + l + " of the snapshot is cut short");
                    }
                    CellState state = CellState.fromBytes(in.readNBytes(length));
                    if (state.hidden() != hidden || state.hasCell() != cell || state.batch() != batch) {
                        throw new StateMismatchException("layer " + l + " of the snapshot says " + batch + " x "
                                + hidden + (cell ? " with c" : "") + " but holds " + state);
                    }
                    layer.add(state);
                }
                states.add(layer);
            }
            if (in.available() > 0) {
                throw new StateMismatchException("the snapshot has " + in.available() + " bytes after its last layer");
            }
            if ((layerCount == 0) != (batch < 0)) {
                throw new StateMismatchException("the snapshot has batch " + batch + " and " + layerCount + " layers");
            }
            return new StreamSnapshot(model, batch, steps, layerCount == 0 ? null : states);
        } catch (IOException e) {
            throw new StateMismatchException("the stream snapshot is cut short (" + bytes.length + " bytes)");
        } catch (StateMismatchException e) {
            throw e;
        } catch (HotcellException e) {
            throw new StateMismatchException("the stream snapshot is not valid: " + e.getMessage());
        }
    }
}
