package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hotcell.cells.support.CellCases;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.GradientCheck;
import org.hotcell.cells.support.ReferenceRecurrence;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.registry.PluginRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cells built on the real activation plugin (found through the registry, bulk Vector API kernels and all)
 * against the double reference written from the test set's formulas: forward and gradient checks for every
 * cell type and activation family, with the plugin's names for them.
 */
class WithActivationPluginTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();
    /** Plugin spec text to the test set's name for the same function. */
    private static final List<String> SPECS = List.of("sigmoid", "tanh", "hard_tanh", "relu", "leaky_relu(alpha=0.1)",
            "softplus", "silu");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String text : SPECS) {
            cases.add(Arguments.of(CellSpec.builder("lstm").inputSize(3).hiddenSize(3).peepholes(true)
                    .activation("gate", text).activation("candidate", text).activation("output", text).build()));
            cases.add(Arguments.of(CellSpec.builder("gru").inputSize(3).hiddenSize(3).linearBeforeReset(true)
                    .activation("gate", text).activation("candidate", text).build()));
            cases.add(Arguments.of(CellSpec.builder("rnn").inputSize(3).hiddenSize(3).clip(0.7f)
                    .activation("activation", text).build()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardAndGradientsWithThePluginsActivations(CellSpec spec) {
        Scenario scenario = CellCases.SCENARIOS.get(1);
        TestActivations reference = new TestActivations();
        CellFixture fx = new CellFixture(spec, REGISTRY, reference, scenario, 21, 0.6f);
        assertThat(fx.cell.activation(roleOf(spec))
                .getClass().getName()).startsWith("org.hotcell.activations");

        ForwardPass pass = fx.cell.forward(fx.batch(), fx.initial, scenario.reverse(), false);
        ReferenceRecurrence.Output expected = fx.reference().run(fx.params());
        for (int i = 0; i < expected.y().length; i++) {
            assertThat(Math.abs(pass.y()[i] - expected.y()[i]) / (1 + Math.abs(expected.y()[i])))
                    .as("y[%d]", i).isLessThan(1e-5);
        }

        CellGradientTest.Checked c = CellGradientTest.prepare(spec, scenario, REGISTRY, reference);
        Map<String, double[]> numeric = c.numeric();
        int[] straddling = GradientCheck.straddling(numeric);
        assertThat(straddling[0]).isLessThanOrEqualTo(straddling[1] / 50);
        GradientCheck.errors(GradientCheck.analytic(c.analytic()), numeric).forEach((name, err) ->
                assertThat(err).as("max relative error of d loss / d %s", name).isLessThanOrEqualTo(1e-3));
    }

    private static String roleOf(CellSpec spec) {
        return spec.cellType().equals("rnn") ? "activation" : "candidate";
    }
}
