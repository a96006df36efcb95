package org.hotcell.cells.internal.rnn;

import java.util.List;
import java.util.Map;

import org.hotcell.cells.internal.engine.CellFactorySupport;
import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellRole;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;

/** The simple (Elman) recurrent cell ({@code rnn}) with ONNX's equation (see {@link RnnCell}). */
public final class RnnCellType implements CellType {

    /** The type's name. */
    public static final String NAME = "rnn";

    private static final List<CellRole> ROLES = List.of(
            new CellRole("activation", ActivationSpec.of("tanh"), null, "f: Ht = f(Xt.Wi^T + Ht-1.Ri^T + Wbi + Rbi)"));

    /** Used by ServiceLoader and OSGi. */
    public RnnCellType() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "RNN (ONNX): Ht = f(Xt.Wi^T + Ht-1.Ri^T + Wbi + Rbi), the activation input clipped to [-clip, clip]";
    }

    @Override
    public List<String> gates() {
        return List.of("i");
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    @Override
    public List<CellRole> roles() {
        return ROLES;
    }

    @Override
    public Cell create(CellSpec spec, CellWeights weights, ActivationSource activations, Backend backend) {
        Map<String, Activation> resolved = CellFactorySupport.prepare(this, spec, weights, activations);
        CellFactorySupport.rejectOption(spec, spec.options().peepholes(), "peepholes");
        CellFactorySupport.rejectOption(spec, spec.options().inputForget(), "input_forget");
        CellFactorySupport.rejectOption(spec, spec.options().linearBeforeReset(), "linear_before_reset");
        return new RnnCell(spec, weights, resolved, backend);
    }
}
