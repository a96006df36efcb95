package org.hotcell.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hotcell.core.cell.Direction;
import org.hotcell.model.net.Model;
import org.hotcell.model.optim.Adam;
import org.hotcell.model.param.ParameterNames;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.task.Batch;
import org.hotcell.model.task.SineTask;
import org.hotcell.model.task.Task;
import org.hotcell.model.task.Tasks;
import org.hotcell.model.testing.TestModels;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static Model sineModel(long seed) {
        ModelSpec spec = TestModels.spec(1, 1, Readout.PER_STEP,
                TestModels.layer(8, "tanh", Direction.FORWARD, MergeMode.CONCAT));
        return TestModels.model(spec, seed);
    }

    @Test
    void aSmallModelLearnsSineWavesQuickly() {
        Task task = new SineTask(12);
        TrainingResult result = TestModels.trainer().train(sineModel(1), task,
                new TrainingConfig(150, 16, 2, 1.0, 0, 64), new Adam(0.02), null);
        assertThat(result.history()).hasSize(150);
        assertThat(result.test().mse()).isLessThan(result.before().mse() / 5);
        double early = result.history().get(0).loss();
        double late = result.history().get(149).loss();
        assertThat(late).isLessThan(early / 5);
    }

    @Test
    void theSameSeedsGiveBitIdenticalModels() {
        Task task = Tasks.create("adding", 6);
        ModelSpec spec = TestModels.spec(2, 1, Readout.LAST_STEP,
                TestModels.layer(5, "tanh", Direction.BIDIRECTIONAL, MergeMode.CONCAT));
        TrainingConfig config = new TrainingConfig(20, 8, 3, 1.0, 0, 16);
        Model a = TestModels.trainer().train(TestModels.model(spec, 4), task, config, new Adam(0.01), null).model();
        Model b = TestModels.trainer().train(TestModels.model(spec, 4), task, config, new Adam(0.01), null).model();
        Model c = TestModels.trainer().train(TestModels.model(spec, 5), task, config, new Adam(0.01), null).model();
        assertThat(a.parameters()).isEqualTo(b.parameters());
        assertThat(a.parameters()).isNotEqualTo(c.parameters());
    }

    @Test
    void workersSplitTheBatchAndAgreeWithOneWorkerUpToRounding() {
        Task task = new SineTask(10);
        TrainingConfig one = new TrainingConfig(5, 7, 1, 1.0, 0, 8, 1);
        TrainingConfig three = new TrainingConfig(5, 7, 1, 1.0, 0, 8, 3);
        TrainingResult a = TestModels.trainer().train(sineModel(3), task, one, new Adam(0.01), null);
        TrainingResult b = TestModels.trainer().train(sineModel(3), task, three, new Adam(0.01), null);
        TrainingResult c = TestModels.trainer().train(sineModel(3), task, three, new Adam(0.01), null);
        for (int step = 0; step < 5; step++) {
            assertThat(b.history().get(step).loss()).isCloseTo(a.history().get(step).loss(),
                    org.assertj.core.data.Offset.offset(1e-6 * a.history().get(step).loss()));
            assertThat(b.history().get(step).gradientNorm()).isCloseTo(a.history().get(step).gradientNorm(),
                    org.assertj.core.data.Offset.offset(1e-5 * a.history().get(step).gradientNorm()));
        }
        assertThat(c.model().parameters()).isEqualTo(b.model().parameters());
    }

    @Test
    void workersHandleLastStepReadouts() {
        Task task = Tasks.create("adding", 6);
        ModelSpec spec = TestModels.spec(2, 1, Readout.LAST_STEP,
                TestModels.layer(5, "tanh", Direction.FORWARD, MergeMode.CONCAT));
        TrainingResult a = TestModels.trainer().train(TestModels.model(spec, 4), task,
                new TrainingConfig(3, 8, 3, 1.0, 0, 16, 1), new Adam(0.01), null);
        TrainingResult b = TestModels.trainer().train(TestModels.model(spec, 4), task,
                new TrainingConfig(3, 8, 3, 1.0, 0, 16, 2), new Adam(0.01), null);
        assertThat(b.history().get(2).loss()).isCloseTo(a.history().get(2).loss(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aWindowAsLongAsTheSequenceIsFullBackpropagation() {
        Task task = new SineTask(10);
        TrainingResult full = TestModels.trainer().train(sineModel(3), task,
                new TrainingConfig(5, 4, 1, 0, 0, 8), new Adam(0.01), null);
        TrainingResult window = TestModels.trainer().train(sineModel(3), task,
                new TrainingConfig(5, 4, 1, 0, 10, 8), new Adam(0.01), null);
        assertThat(window.model().parameters()).isEqualTo(full.model().parameters());
    }

    @Test
    void truncatedWindowsCarryTheStateAndStillLearn() {
        Task task = new SineTask(24);
        TrainingResult result = TestModels.trainer().train(sineModel(1), task,
                new TrainingConfig(150, 16, 2, 1.0, 6, 64), new Adam(0.02), null);
        assertThat(result.test().mse()).isLessThan(result.before().mse() / 4);
        // The loss is the weighted mean over windows: at step 1 it matches a full forward pass's loss.
        TrainingResult full = TestModels.trainer().train(sineModel(1), task,
                new TrainingConfig(1, 16, 2, 1.0, 0, 64), new Adam(0.02), null);
        assertThat(result.history().get(0).loss()).isCloseTo(full.history().get(0).loss(),
                org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void diagnosticsReportGradientNormsPerLayerAndStateSizes() {
        List<StepReport> reports = new ArrayList<>();
        ModelSpec spec = TestModels.spec(1, 1, Readout.PER_STEP,
                TestModels.layer(4, "tanh", Direction.FORWARD, MergeMode.CONCAT),
                TestModels.layer(3, "tanh", Direction.FORWARD, MergeMode.CONCAT));
        // A tiny clipping bound, so that the reported norms show they are taken before clipping.
        TestModels.trainer().train(TestModels.model(spec, 1), new SineTask(8),
                new TrainingConfig(3, 4, 1, 1e-6, 0, 4), new Adam(0.01), (report, total) -> reports.add(report));
        assertThat(reports).hasSize(3);
        StepReport first = reports.get(0);
        assertThat(first.layerNorms()).containsOnlyKeys("layers.0", "layers.1", "head");
        double sumOfSquares = first.layerNorms().values().stream().mapToDouble(v -> v * v).sum();
        assertThat(Math.sqrt(sumOfSquares)).isCloseTo(first.gradientNorm(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(first.gradientNorm()).isGreaterThan(1e-3);
        assertThat(first.maxAbsH()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(first.nonFinite()).isNull();
    }

    @Test
    void anExplodingRunStopsWithLayerStepAndGateAndKeepsItsWeights() {
        ModelSpec spec = TestModels.spec(1, 1, Readout.PER_STEP,
                TestModels.layer(3, "tanh", Direction.FORWARD, MergeMode.CONCAT),
                TestModels.layer(3, "identity", Direction.FORWARD, MergeMode.CONCAT));
        Model model = TestModels.model(spec, 2);
        // An unbounded activation and recurrent weights of 1e10: |h| grows ~1e10 per step and overflows float.
        float[] r = model.parameters().get(ParameterNames.cell(1, Direction.FORWARD, 0) + "R").data();
        java.util.Arrays.fill(r, 1e10f);
        Model before = model.copy();
        assertThatThrownBy(() -> TestModels.trainer().train(model, new SineTask(12),
                new TrainingConfig(5, 4, 1, 1.0, 0, 4), new Adam(0.01), null))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    NonFinite where = e.report().nonFinite();
                    assertThat(where.where()).isEqualTo("layer 1 forward (test_rnn)");
                    assertThat(where.step()).isBetween(1, 11);
                    assertThat(where.gate()).isEqualTo("h");
                    assertThat(e.getMessage()).contains("training diverged at step 1", "layer 1 forward",
                            "gate/quantity h", "not updated or saved");
                });
        assertThat(model.parameters()).isEqualTo(before.parameters());
    }

    @Test
    void nanInFixedTrainingDataIsReportedWithItsPositionBeforeTraining() {
        Task task = new SineTask(8);
        Batch good = task.batch(4, new SplittableRandom(1));
        Batch bad = task.batch(4, new SplittableRandom(2));
        bad.x().data()[(5 * 4 + 2)] = Float.NaN;
        List<StepReport> steps = new ArrayList<>();
        Model model = sineModel(1);
        assertThatThrownBy(() -> TestModels.trainer().train(model, task.loss(), List.of(good, bad), good, false,
                new TrainingConfig(4, 4, 1, 0, 0, 4), new Adam(0.01), (report, total) -> steps.add(report)))
                .isInstanceOf(BadDataException.class)
                .hasMessage("training batch 1: input holds NaN at step 5, item 2, feature 0; inputs must be finite");
        assertThat(steps).isEmpty();
    }

    @Test
    void infinityInTargetsIsNamedToo() {
        Batch batch = new SineTask(8).batch(2, new SplittableRandom(1));
        batch.target()[7] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> DataChecks.requireFinite(batch, "test set")).isInstanceOf(BadDataException.class)
                .hasMessageContaining("test set: target holds Infinity at row 7, column 0");
    }

    @Test
    void copyTaskReportsAccuracy() {
        Task task = Tasks.create("copy", 2);
        ModelSpec spec = TestModels.spec(task.inputSize(), task.outputSize(), Readout.PER_STEP,
                TestModels.layer(6, "tanh", Direction.FORWARD, MergeMode.CONCAT));
        TrainingResult result = TestModels.trainer().train(TestModels.model(spec, 1), task,
                new TrainingConfig(2, 4, 1, 1.0, 0, 32), new Adam(0.01), null);
        assertThat(result.test().accuracy()).isBetween(0.0, 1.0);
        assertThat(result.test().rows()).isEqualTo(32 * 5);
    }

    @Test
    void truncatedBpttRefusesLayersThatReadBackwards() {
        ModelSpec spec = TestModels.spec(1, 1, Readout.PER_STEP,
                TestModels.layer(3, "tanh", Direction.BIDIRECTIONAL, MergeMode.SUM));
        assertThatThrownBy(() -> TestModels.trainer().train(TestModels.model(spec, 1), new SineTask(12),
                new TrainingConfig(1, 2, 1, 0, 4, 2), new Adam(0.01), null))
                .hasMessage("truncated BPTT (window 4) needs forward layers only; layer 0 is bidirectional");
    }

    @Test
    void theTaskMustFitTheModel() {
        assertThatThrownBy(() -> TestModels.trainer().train(sineModel(1), Tasks.create("adding", 5),
                new TrainingConfig(1, 1, 1, 0, 0, 1), new Adam(0.01), null))
                .hasMessageContaining("model input size for task adding is 1, expected 2");
    }


    @Test
    void aListenerCanStopTrainingEarlyAndTheFinalEvaluationStillRuns() {
        Task task = new SineTask(6);
        List<Integer> heard = new ArrayList<>();
        TrainingListener stopAtThree = new TrainingListener() {
            @Override
            public void onStep(StepReport report, int total) {
                heard.add(report.step());
            }

            @Override
            public boolean stopRequested() {
                return heard.size() == 3;
            }
        };
        TrainingResult result = TestModels.trainer().train(sineModel(2), task,
                new TrainingConfig(50, 4, 1, 1.0, 0, 8), new Adam(0.01), stopAtThree);
        assertThat(heard).containsExactly(1, 2, 3);
        assertThat(result.history()).hasSize(3);
        assertThat(result.test().mse()).isFinite();
    }
}
