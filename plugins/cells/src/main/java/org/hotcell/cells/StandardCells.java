package org.hotcell.cells;

import java.util.List;

import org.hotcell.cells.internal.gru.GruCellType;
import org.hotcell.cells.internal.lstm.LstmCellType;
import org.hotcell.cells.internal.rnn.RnnCellType;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.Names;
import org.hotcell.core.error.UnknownCellTypeException;

/**
 * The standard cell types of this plugin, for hosts and tests that do not go through a registry. Hosts that
 * follow plugin changes should look cell types up in the {@code Registry} instead (this plugin registers them
 * as {@code CellType} services). Each call returns a new, stateless instance.
 */
public final class StandardCells {
    private StandardCells() {
    }

    /** The LSTM cell type ({@code lstm}): gates i, o, f, c; roles gate, input_gate, forget_gate, output_gate, candidate, output. */
    public static CellType lstm() {
        return new LstmCellType();
    }

    /** The GRU cell type ({@code gru}): gates z, r, h; roles gate, update_gate, reset_gate, candidate. */
    public static CellType gru() {
        return new GruCellType();
    }

    /** The simple RNN cell type ({@code rnn}): one block; role activation. */
    public static CellType rnn() {
        return new RnnCellType();
    }

    /** All three, in the order lstm, gru, rnn. */
    public static List<CellType> all() {
        return List.of(lstm(), gru(), rnn());
    }

    /**
     * The standard cell type called {@code name} (case and underscores ignored).
     *
     * @throws UnknownCellTypeException listing lstm, gru and rnn
     */
    public static CellType byName(String name) {
        for (CellType type : all()) {
            if (Names.key(type.name()).equals(Names.key(name))) {
                return type;
            }
        }
        throw new UnknownCellTypeException(name, all().stream().map(CellType::name).toList());
    }
}
