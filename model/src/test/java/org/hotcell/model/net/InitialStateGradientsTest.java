package org.hotcell.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.testing.CentralDifferences;
import org.hotcell.model.testing.TestActivations;
import org.hotcell.model.testing.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Network#initialStateGradients}: the loss gradient with respect to the state a pass starts from (what the
 * study's gradient-flow probe reads), against central differences of the loss in every entry of h0 and c0.
 */
class InitialStateGradientsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lstm", "gru"})
    void stateGradientsMatchCentralDifferences(String cell) {
        PluginRegistry registry = PluginRegistry.discover();
        registry.add(new TestActivations(), "test");
        int hidden = 3;
        int batch = 2;
        int steps = 5;
        ModelSpec spec = new ModelSpec(2, List.of(LayerSpec.of(cell, hidden, Map.of("candidate",
                ActivationSpec.of("tanh")))), new HeadSpec(1, Readout.LAST_STEP));
        Model model = Model.initialize(spec, registry::cellType, 7);
        Network network = Network.build(model, registry::cellType, registry, ReferenceBackend.instance());
        SplittableRandom random = new SplittableRandom(3);
        SequenceBatch x = SequenceBatch.timeMajor(TestModels.gaussians(steps * batch * 2, random), steps, batch, 2);
        float[] target = {0.4f, -0.3f};
        float[] h0 = TestModels.gaussians(batch * hidden, random);
        float[] c0 = cell.equals("lstm") ? TestModels.gaussians(batch * hidden, random) : null;
        Loss loss = Loss.named("mse");

        NetworkPass pass = network.forward(x, List.of(List.of(CellState.of(batch, hidden, h0, c0))), true);
        float[] dOut = new float[batch];
        loss.evaluate(pass.output(), target, null, batch, 1, dOut);
        CellState d = network.initialStateGradients(pass, dOut).get(0).get(0);

        check(network, x, target, loss, h0, c0, h0, d.h(), batch, hidden);
        if (c0 != null) {
            check(network, x, target, loss, h0, c0, c0, d.c(), batch, hidden);
        } else {
            assertThat(d.hasCell()).isFalse();
        }
    }

    private static void check(Network network, SequenceBatch x, float[] target, Loss loss, float[] h0, float[] c0,
                              float[] perturbed, float[] analytic, int batch, int hidden) {
        boolean nonZero = false;
        for (int i = 0; i < perturbed.length; i++) {
            double numeric = CentralDifferences.slope(perturbed, i, 1e-2f,
                    () -> lossOf(network, x, target, loss, h0, c0, batch, hidden));
            nonZero |= Math.abs(numeric) > 1e-4;
            assertThat((double) analytic[i]).as("state entry %d", i)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-3 + 1e-2 * Math.abs(numeric)));
        }
        assertThat(nonZero).as("the loss depends on the initial state").isTrue();
    }

    private static double lossOf(Network network, SequenceBatch x, float[] target, Loss loss, float[] h0, float[] c0,
                                 int batch, int hidden) {
        NetworkPass pass = network.forward(x, List.of(List.of(CellState.of(batch, hidden, h0.clone(),
                c0 == null ? null : c0.clone()))), false);
        return loss.evaluate(pass.output(), target, null, batch, 1, new float[batch]);
    }
}
