package org.hotcell.study.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.net.CachedActivations;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.net.NetworkPass;
import org.hotcell.model.task.Batch;
import org.hotcell.model.task.Task;
import org.hotcell.model.train.Trainer;
import org.hotcell.study.RunConfig;
import org.hotcell.study.internal.claims.Budget;
import org.junit.jupiter.api.Test;

/**
 * The probes on real (untrained) models: walking step by step gives the states one pass gives; a sigmoid candidate
 * keeps c non-negative (so it can fall only by decay); the gradient-flow probe's last point is the gradient a
 * one-step pass gives.
 */
class ProbesTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();
    private static final Budget BUDGET = Budget.quick();

    private static Network network(RunConfig config, Task task) {
        Model model = Model.initialize(new SingleRun(REGISTRY, REGISTRY.defaultBackend()).modelSpec(config, task),
                REGISTRY::cellType, 4);
        return Network.build(model, REGISTRY::cellType, new CachedActivations(REGISTRY),
                REGISTRY.defaultBackend().withThreads(1));
    }

    @Test
    void walkingStepByStepEndsInTheStateOnePassLeaves() {
        Task task = BUDGET.adding().withLength(12).create();
        Network network = network(BUDGET.base(), task);
        SequenceBatch x = Trainer.testSet(task, 3, 8).x();
        NetworkPass pass = network.forward(x, null, false);
        float[] walked = StateWalk.recurrentState(StateWalk.states(network, x).get(11));
        assertThat(walked).containsExactly(pass.lastStates().get(0).get(0).c(),
                org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void aSigmoidCandidateNeverMakesTheCellStateNegativeWhileTanhDoes() {
        Task task = BUDGET.adding().create();
        SequenceBatch x = Trainer.testSet(task, 3, 32).x();
        StateProbe.Reading sigmoid = StateProbe.read(network(BUDGET.base().withCandidate("sigmoid"), task), x);
        StateProbe.Reading tanh = StateProbe.read(network(BUDGET.base(), task), x);
        assertThat(sigmoid.stats().negativeShare()).isZero();
        assertThat(tanh.stats().negativeShare()).isGreaterThan(0.05);
        assertThat(tanh.stats().fallShare()).isGreaterThan(0.05);
        assertThat(sigmoid.maxAbs()).isPositive();
    }

    @Test
    void theFlowProbeMeasuresEveryPositionAndItsLastPointIsAOneStepGradient() {
        Task task = BUDGET.adding().withLength(30).create();
        Network network = network(BUDGET.base(), task);
        Batch batch = Trainer.testSet(task, 5, 4);
        List<Double> norms = GradientFlowProbe.norms(network, task.loss(), batch, task.outputSize());
        assertThat(norms).hasSize(FlowPositions.of(30).size()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(FlowPositions.of(30)).startsWith(0, 2).endsWith(29);
        assertThat(FlowPositions.of(200)).hasSizeLessThanOrEqualTo(26).startsWith(0, 8).endsWith(199);
        assertThat(FlowPositions.of(2)).containsExactly(0, 1);
    }
}
