package org.hotcell.cells.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.Layout;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The cells, options, activations and scenarios the differential and gradient tests run over: every cell type
 * with each activation family in every role, and every option (alone and combined) with the defaults and with
 * per-gate overrides, each under five scenarios (plain; batch-major reverse with lengths and initial state;
 * time-major with a zero length and initial state; and two batches wide enough for the per-step input product:
 * batch-major forward with ragged lengths, time-major reverse).
 */
public final class CellCases {
    /** The activation families of the gradient checks; {@code test_swish} is the custom one. */
    public static final List<String> FAMILIES =
            List.of("sigmoid", "tanh", "hard_tanh", "relu", "leaky_relu", "softplus", "test_swish");

    public static final int INPUT = 3;
    public static final int HIDDEN = 3;

    public static final List<Scenario> SCENARIOS = List.of(
            Scenario.plain(4, 2),
            new Scenario(4, 3, Layout.BATCH_MAJOR, new int[] {4, 1, 3}, true, true),
            new Scenario(5, 3, Layout.TIME_MAJOR, new int[] {2, 0, 5}, false, true),
            // Batches wide enough that a pass computes X . W^T step by step (RecurrentCell.inputPerStep):
            // batch-major with ragged lengths (one of them zero) forward, and time-major in reverse.
            new Scenario(4, 17, Layout.BATCH_MAJOR, new int[] {4, 1, 3, 0, 4, 2, 4, 4, 1, 3, 4, 2, 4, 4, 3, 1, 4}, false,
                    true),
            new Scenario(3, 16, Layout.TIME_MAJOR, null, true, true));

    private CellCases() {
    }

    /** Arguments (label, spec, scenario). */
    public static Stream<Arguments> all() {
        List<Arguments> cases = new ArrayList<>();
        for (CellSpec spec : specs()) {
            for (Scenario scenario : SCENARIOS) {
                cases.add(Arguments.of(label(spec), spec, scenario));
            }
        }
        return cases.stream();
    }

    /** The specs without the scenarios. */
    public static List<CellSpec> specs() {
        return specs(INPUT, HIDDEN);
    }

    /** The same specs for other sizes. */
    public static List<CellSpec> specs(int input, int hidden) {
        List<CellSpec> specs = new ArrayList<>();
        for (String family : FAMILIES) {
            specs.add(base("lstm", input, hidden).activation("gate", family).activation("candidate", family)
                    .activation("output", family).build());
            specs.add(base("gru", input, hidden).activation("gate", family).activation("candidate", family).build());
            specs.add(base("rnn", input, hidden).activation("activation", family).build());
        }
        specs.add(base("lstm", input, hidden).peepholes(true).build());
        specs.add(base("lstm", input, hidden).inputForget(true).build());
        specs.add(base("lstm", input, hidden).clip(0.7f).build());
        specs.add(base("lstm", input, hidden).bias(false).build());
        specs.add(base("lstm", input, hidden).peepholes(true).inputForget(true).clip(0.7f).build());
        specs.add(base("lstm", input, hidden).peepholes(true).clip(0.6f).activation("input_gate", "softplus")
                .activation("forget_gate", "test_swish").activation("output_gate", "hard_tanh")
                .activation("candidate", "leaky_relu").activation("output", "softplus").build());
        specs.add(base("gru", input, hidden).linearBeforeReset(true).build());
        specs.add(base("gru", input, hidden).clip(0.7f).build());
        specs.add(base("gru", input, hidden).bias(false).build());
        specs.add(base("gru", input, hidden).linearBeforeReset(true).clip(0.6f).activation("update_gate", "test_swish")
                .activation("reset_gate", "softplus").activation("candidate", "relu").build());
        specs.add(base("gru", input, hidden).clip(0.6f).activation("update_gate", "hard_tanh")
                .activation("reset_gate", "tanh").activation("candidate", "softplus").build());
        specs.add(base("rnn", input, hidden).clip(0.7f).build());
        specs.add(base("rnn", input, hidden).bias(false).activation("activation", "softplus").build());
        return specs;
    }

    private static CellSpec.Builder base(String type, int input, int hidden) {
        return CellSpec.builder(type).inputSize(input).hiddenSize(hidden);
    }

    /** E.g. {@code lstm peepholes clip=0.7 {gate=relu}}. */
    public static String label(CellSpec spec) {
        StringBuilder text = new StringBuilder(spec.cellType());
        if (!spec.options().bias()) {
            text.append(" no-bias");
        }
        if (spec.options().peepholes()) {
            text.append(" peepholes");
        }
        if (spec.options().inputForget()) {
            text.append(" input_forget");
        }
        if (spec.options().linearBeforeReset()) {
            text.append(" linear_before_reset");
        }
        if (spec.options().clipped()) {
            text.append(" clip=").append(spec.options().clip());
        }
        if (!spec.activations().isEmpty()) {
            text.append(' ').append(spec.activations());
        }
        return text.toString();
    }
}
