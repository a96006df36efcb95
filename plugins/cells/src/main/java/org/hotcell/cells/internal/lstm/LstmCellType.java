package org.hotcell.cells.internal.lstm;

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
 * The long short-term memory cell ({@code lstm}) with ONNX's equations (see {@link LstmCell}), gate order
 * {@code i, o, f, c}, and one activation per role: {@code gate} (sigmoid) for all three gates unless
 * {@code input_gate}, {@code forget_gate} or {@code output_gate} overrides it, {@code candidate} (tanh), and
 * {@code output} (tanh).
 */
public final class LstmCellType implements CellType {

    /** The type's name. */
    public static final String NAME = "lstm";

    private static final List<CellRole> ROLES = List.of(
            new CellRole("gate", ActivationSpec.of("sigmoid"), null,
                    "f: the input, forget and output gates unless a per-gate role overrides it"),
            new CellRole("input_gate", ActivationSpec.of("sigmoid"), "gate", "the input gate i"),
            new CellRole("forget_gate", ActivationSpec.of("sigmoid"), "gate", "the forget gate f"),
            new CellRole("output_gate", ActivationSpec.of("sigmoid"), "gate", "the output gate o"),
            new CellRole("candidate", ActivationSpec.of("tanh"), null, "g: the candidate c~ written into the cell"),
            new CellRole("output", ActivationSpec.of("tanh"), null, "h: applied to the cell state to give h = o * h(C)"));

    /** Used by ServiceLoader and OSGi. */
    public LstmCellType() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "LSTM (ONNX): i = f(Xt.Wi^T + Ht-1.Ri^T + Pi*Ct-1 + Wbi + Rbi); f = f(Xt.Wf^T + Ht-1.Rf^T + Pf*Ct-1"
                + " + Wbf + Rbf) (or 1 - i when input_forget); c~ = g(Xt.Wc^T + Ht-1.Rc^T + Wbc + Rbc);"
                + " Ct = f*Ct-1 + i*c~; o = f(Xt.Wo^T + Ht-1.Ro^T + Po*Ct + Wbo + Rbo); Ht = o*h(Ct);"
                + " every activation input clipped to [-clip, clip]";
    }

    @Override
    public List<String> gates() {
        return List.of("i", "o", "f", "c");
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    @Override
    public List<CellRole> roles() {
        return ROLES;
    }

    @Override
    public Cell create(CellSpec spec, CellWeights weights, ActivationSource activations, Backend backend) {
        Map<String, Activation> resolved = CellFactorySupport.prepare(this, spec, weights, activations);
        CellFactorySupport.rejectOption(spec, spec.options().linearBeforeReset(), "linear_before_reset");
        return new LstmCell(spec, weights, resolved, backend);
    }
}
