package org.hotcell.cells.internal.gru;

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

/**
 * The gated recurrent unit ({@code gru}) with ONNX's equations (see {@link GruCell}), gate order
 * {@code z, r, h}, and roles {@code gate} (sigmoid) for both gates unless {@code update_gate} or
 * {@code reset_gate} overrides it, and {@code candidate} (tanh).
 */
public final class GruCellType implements CellType {

    /** The type's name. */
    public static final String NAME = "gru";

    private static final List<CellRole> ROLES = List.of(
            new CellRole("gate", ActivationSpec.of("sigmoid"), null,
                    "f: the update and reset gates unless a per-gate role overrides it"),
            new CellRole("update_gate", ActivationSpec.of("sigmoid"), "gate", "the update gate z"),
            new CellRole("reset_gate", ActivationSpec.of("sigmoid"), "gate", "the reset gate r"),
            new CellRole("candidate", ActivationSpec.of("tanh"), null, "g: the candidate state h~"));

    /** Used by ServiceLoader and OSGi. */
    public GruCellType() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "GRU (ONNX): z = f(Xt.Wz^T + Ht-1.Rz^T + Wbz + Rbz); r = f(Xt.Wr^T + Ht-1.Rr^T + Wbr + Rbr);"
                + " h~ = g(Xt.Wh^T + (r*Ht-1).Rh^T + Rbh + Wbh), or with linear_before_reset"
                + " h~ = g(Xt.Wh^T + r*(Ht-1.Rh^T + Rbh) + Wbh); Ht = (1-z)*h~ + z*Ht-1;"
                + " every activation input clipped to [-clip, clip]";
    }

    @Override
    public List<String> gates() {
        return List.of("z", "r", "h");
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
        return new GruCell(spec, weights, resolved, backend);
    }
}
