package org.hotcell.study.internal.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.registry.Registry;
import org.hotcell.cells.layer.MergeMode;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.net.Model;
import org.hotcell.model.optim.Adam;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.task.Batch;
import org.hotcell.model.task.Task;
import org.hotcell.model.train.Evaluation;
import org.hotcell.model.train.StepReport;
import org.hotcell.model.train.Trainer;
import org.hotcell.model.train.TrainingConfig;
import org.hotcell.model.train.TrainingDivergedException;
import org.hotcell.model.train.TrainingListener;
import org.hotcell.model.train.TrainingResult;
import org.hotcell.study.CurvePoint;
import org.hotcell.study.Goal;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.TaskSetting;

/**
 * One run of the grid: builds a one-layer model of the run's cell with its gate and candidate (and output)
 * functions, trains it with the model module's {@link Trainer} on a single-threaded backend, and records the
 * curves through a {@link TrainingListener}: the test metric every {@code every} steps on the same fixed test set
 * the trainer scores at the end, and the step diagnostics (loss, gradient norms, max |c| and |h|) in between.
 */
public final class SingleRun {
    /** Weight of the newest batch in the training-loss moving average: about the last 20 batches count. */
    private static final double LOSS_SMOOTHING = 0.05;

    private final Registry registry;
    private final Backend backend;

    /** @param backend computes the run; it is used with one thread, as runs are spread over the cores instead */
    public SingleRun(Registry registry, Backend backend) {
        this.registry = registry;
        this.backend = backend.withThreads(1);
    }

    /** The model a run trains: one forward layer of the run's cell and a dense head fitting the task. */
    public ModelSpec modelSpec(RunSpec run, Task task) {
        CellType type = registry.cellType(run.cell());
        Map<String, ActivationSpec> roles = new LinkedHashMap<>();
        roles.put("gate", ActivationSpec.parse(run.gate()));
        roles.put("candidate", ActivationSpec.parse(run.candidate()));
        if (type.role("output").isPresent()) {
            roles.put("output", ActivationSpec.parse(run.candidate()));
        }
        LayerSpec layer = new LayerSpec(type.name(), run.setting().hidden(), roles, CellOptions.DEFAULT,
                Direction.FORWARD, MergeMode.CONCAT);
        return new ModelSpec(task.inputSize(), List.of(layer), new HeadSpec(task.outputSize(), task.readout()));
    }

    /**
     * Trains and measures one run.
     *
     * @param clip     the gradient-norm clipping bound, 0 for none
     * @param progress hears the number of each finished step
     */
    public RunResult run(RunSpec run, double clip, IntConsumer progress) {
        TaskSetting setting = run.setting();
        Task task = setting.create();
        Model model = Model.initialize(modelSpec(run, task), registry::cellType, run.seed());
        Trainer trainer = new Trainer(registry, backend);
        Batch test = Trainer.testSet(task, run.seed(), setting.testSize());
        Loss loss = task.loss();
        Goal goal = setting.goal();
        double initial = metric(trainer.evaluate(model, loss, test, task.reportsAccuracy()), goal);
        Recorder recorder = new Recorder(setting, initial, step -> metric(
                trainer.evaluate(model, loss, test, task.reportsAccuracy()), goal), progress);
        TrainingConfig config = new TrainingConfig(setting.steps(), setting.batch(), run.seed(), clip, 0,
                setting.testSize());
        double finalMetric = Double.NaN;
        int divergedStep = -1;
        String divergence = "";
        try {
            TrainingResult result = trainer.train(model, task, config, new Adam(setting.learningRate()), recorder);
            finalMetric = metric(result.test(), goal);
            recorder.finish(setting.steps(), finalMetric);
        } catch (TrainingDivergedException e) {
            StepReport report = e.report();
            divergedStep = report.step();
            divergence = report.nonFinite().describe();
            recorder.include(report);
        }
        int solved = -1;
        for (CurvePoint point : recorder.points) {
            if (goal.met(point.metric())) {
                solved = point.step();
                break;
            }
        }
        return new RunResult(run, recorder.points, initial, finalMetric, solved, divergedStep, divergence,
                recorder.maxC, recorder.maxH, recorder.steps == 0 ? Double.NaN : recorder.gradSum / recorder.steps,
                recorder.gradMax, recorder.steps == 0 ? Double.NaN : recorder.layerGradSum / recorder.steps);
    }

    private static double metric(Evaluation evaluation, Goal goal) {
        return goal.metric().equals("test_accuracy") ? evaluation.accuracy() : evaluation.mse();
    }

    /** Gathers the step diagnostics into curve points and run-wide figures. */
    private static final class Recorder implements TrainingListener {
        private final int every;
        private final IntToDoubleFunction testMetric;
        private final IntConsumer progress;
        final List<CurvePoint> points = new ArrayList<>();
        double smoothedLoss = Double.NaN;
        double maxC;
        double maxH;
        double gradSum;
        double gradMax;
        double layerGradSum;
        int steps;
        private double windowC;
        private double windowH;
        private double windowGrad;
        private int windowSteps;

        Recorder(TaskSetting setting, double initialMetric, IntToDoubleFunction testMetric,
                 IntConsumer progress) {
            this.every = setting.every();
            this.testMetric = testMetric;
            this.progress = progress;
            points.add(new CurvePoint(0, Double.NaN, initialMetric, 0, 0, Double.NaN));
        }

        @Override
        public void onStep(StepReport report, int total) {
            smoothedLoss = Double.isNaN(smoothedLoss) ? report.loss()
                    : (1 - LOSS_SMOOTHING) * smoothedLoss + LOSS_SMOOTHING * report.loss();
            include(report);
            steps++;
            gradSum += report.gradientNorm();
            gradMax = Math.max(gradMax, report.gradientNorm());
            layerGradSum += report.layerNorms().getOrDefault("layers.0", Double.NaN);
            windowGrad += report.gradientNorm();
            windowSteps++;
            // The last step's metric comes from the trainer's own final evaluation (see finish).
            if (report.step() % every == 0 && report.step() != total) {
                addPoint(report.step(), testMetric.applyAsDouble(report.step()));
            }
            progress.accept(report.step());
        }

        void include(StepReport report) {
            if (Double.isFinite(report.maxAbsC())) {
                maxC = Math.max(maxC, report.maxAbsC());
                windowC = Math.max(windowC, report.maxAbsC());
            }
            if (Double.isFinite(report.maxAbsH())) {
                maxH = Math.max(maxH, report.maxAbsH());
                windowH = Math.max(windowH, report.maxAbsH());
            }
        }

        void finish(int step, double metric) {
            addPoint(step, metric);
        }

        private void addPoint(int step, double metric) {
            points.add(new CurvePoint(step, smoothedLoss, metric, windowC, windowH,
                    windowSteps == 0 ? Double.NaN : windowGrad / windowSteps));
            windowC = 0;
            windowH = 0;
            windowGrad = 0;
            windowSteps = 0;
        }
    }
}
