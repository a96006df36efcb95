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
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.Registry;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.net.CachedActivations;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.optim.Adam;
import org.hotcell.model.optim.Optimizer;
import org.hotcell.model.optim.SgdMomentum;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.task.Batch;
import org.hotcell.model.task.Task;
import org.hotcell.model.train.Batches;
import org.hotcell.model.train.Evaluation;
import org.hotcell.model.train.StepReport;
import org.hotcell.model.train.Trainer;
import org.hotcell.model.train.TrainingConfig;
import org.hotcell.model.train.TrainingDivergedException;
import org.hotcell.model.train.TrainingListener;
import org.hotcell.model.train.TrainingResult;
import org.hotcell.study.CurvePoint;
import org.hotcell.study.Goal;
import org.hotcell.study.LengthResult;
import org.hotcell.study.Recipe;
import org.hotcell.study.RunConfig;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.StateStats;
import org.hotcell.study.TaskSetting;

/**
 * One run: builds a one-layer model of the run's cell with its gate, candidate and output functions, trains it
 * with the model module's {@link Trainer} on a single-threaded backend, and records the curves through a {@link
 * TrainingListener}: the test metric every {@code every} steps on the same fixed test set the trainer scores at
 * the end, and the step diagnostics (loss, gradient norms, max |c| and |h|) in between. A recipe that stops when
 * solved ends training at the first recorded step that meets the goal. Then the trained model is probed: its
 * state on the test set, the longer evaluation lengths, the gradient flow.
 */
public final class SingleRun {
    /** Weight of the newest batch in the training-loss moving average: about the last 20 batches count. */
    private static final double LOSS_SMOOTHING = 0.05;
    /** Sequences of the test set the gradient-flow probe uses: enough for a stable mean, cheap to run T times. */
    private static final int FLOW_BATCH = 32;
    /** Momentum of the SGD recipe: plain SGD barely moves an LSTM in the study's budget. */
    public static final double SGD_MOMENTUM = 0.9;

    private final Registry registry;
    private final Backend backend;

    /** @param backend computes the run; it is used with one thread, as runs are spread over the cores instead */
    public SingleRun(Registry registry, Backend backend) {
        this.registry = registry;
        this.backend = backend.withThreads(1);
    }

    /** The model a run trains: one forward layer of the run's cell and a dense head fitting the task. */
    public ModelSpec modelSpec(RunConfig config, Task task) {
        CellType type = registry.cellType(config.cell());
        Map<String, ActivationSpec> roles = new LinkedHashMap<>();
        roles.put("gate", ActivationSpec.parse(config.gate()));
        roles.put("candidate", ActivationSpec.parse(config.candidate()));
        if (type.role("output").isPresent()) {
            roles.put("output", ActivationSpec.parse(config.output().isEmpty() ? config.candidate()
                    : config.output()));
        }
        LayerSpec layer = new LayerSpec(type.name(), config.setting().hidden(), roles, CellOptions.DEFAULT,
                Direction.FORWARD, MergeMode.CONCAT);
        return new ModelSpec(task.inputSize(), List.of(layer), new HeadSpec(task.outputSize(), task.readout()));
    }

    /**
     * Trains and measures one run.
     *
     * @param progress hears the number of each finished step
     */
    public RunResult run(RunSpec run, IntConsumer progress) {
        RunConfig config = run.config();
        TaskSetting setting = config.setting();
        Task task = setting.create();
        Model model = Model.initialize(modelSpec(config, task), registry::cellType, run.seed());
        Trainer trainer = new Trainer(registry, backend);
        Batch test = Trainer.testSet(task, run.seed(), setting.testSize());
        Loss loss = task.loss();
        Goal goal = setting.goal();
        double initial = metric(trainer.evaluate(model, loss, test, task.reportsAccuracy()), goal);
        boolean flow = config.probes().gradientFlow() && task.readout() == Readout.LAST_STEP;
        Batch flowBatch = flow ? Batches.items(test, 0, Math.min(FLOW_BATCH, test.x().batch()), false) : null;
        List<Double> flowBefore = flow ? GradientFlowProbe.norms(network(model), loss, flowBatch,
                task.outputSize()) : List.of();
        Recorder recorder = new Recorder(setting, initial, config.recipe().stopWhenSolved(), step -> metric(
                trainer.evaluate(model, loss, test, task.reportsAccuracy()), goal), progress);
        TrainingConfig training = new TrainingConfig(setting.steps(), setting.batch(), run.seed(),
                config.recipe().clip(), 0, setting.testSize());
        double finalMetric = Double.NaN;
        int divergedStep = -1;
        String divergence = "";
        try {
            TrainingResult result = trainer.train(model, task, training, optimizer(config.recipe()), recorder);
            finalMetric = metric(result.test(), goal);
            recorder.finish(recorder.steps, finalMetric);
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
        StateStats state = StateStats.UNKNOWN;
        List<LengthResult> lengths = new ArrayList<>();
        List<Double> flowAfter = List.of();
        if (divergedStep < 0) {
            Network network = network(model);
            state = StateProbe.read(network, test.x()).stats();
            for (int length : config.probes().evalLengths()) {
                Task longer = setting.withLength(length).create();
                Batch longTest = Trainer.testSet(longer, run.seed(), setting.testSize());
                double metric = metric(trainer.evaluate(model, loss, longTest, longer.reportsAccuracy()), goal);
                lengths.add(new LengthResult(length, metric, StateProbe.read(network, longTest.x()).maxAbs()));
            }
            if (flow) {
                flowAfter = GradientFlowProbe.norms(network, loss, flowBatch, task.outputSize());
            }
        }
        return new RunResult(run, recorder.points, initial, finalMetric, solved, recorder.steps, divergedStep,
                divergence, recorder.maxC, recorder.maxH,
                recorder.steps == 0 ? Double.NaN : recorder.gradSum / recorder.steps, recorder.gradMax, state,
                lengths, flowBefore, flowAfter);
    }

    private Network network(Model model) {
        return Network.build(model, registry::cellType, new CachedActivations(registry), backend);
    }

    private static Optimizer optimizer(Recipe recipe) {
        return switch (recipe.optimizer()) {
            case "adam" -> new Adam(recipe.learningRate());
            case "sgd" -> new SgdMomentum(recipe.learningRate(), SGD_MOMENTUM);
            default -> throw new InvalidSpecException("unknown optimizer '" + recipe.optimizer() + "'");
        };
    }

    private static double metric(Evaluation evaluation, Goal goal) {
        return goal.metric().equals("test_accuracy") ? evaluation.accuracy() : evaluation.mse();
    }

    /** Gathers the step diagnostics into curve points and run-wide figures. */
    private static final class Recorder implements TrainingListener {
        private final int every;
        private final IntToDoubleFunction testMetric;
        private final IntConsumer progress;
        private final Goal goal;
        private final boolean stopWhenSolved;
        private boolean solved;
        final List<CurvePoint> points = new ArrayList<>();
        double smoothedLoss = Double.NaN;
        double maxC;
        double maxH;
        double gradSum;
        double gradMax;
        int steps;
        private double windowC;
        private double windowH;
        private double windowGrad;
        private int windowSteps;

        Recorder(TaskSetting setting, double initialMetric, boolean stopWhenSolved, IntToDoubleFunction testMetric,
                 IntConsumer progress) {
            this.every = setting.every();
            this.goal = setting.goal();
            this.stopWhenSolved = stopWhenSolved;
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
            windowGrad += report.gradientNorm();
            windowSteps++;
            // The last step's metric comes from the trainer's own final evaluation (see finish).
            if (report.step() % every == 0 && report.step() != total) {
                double metric = testMetric.applyAsDouble(report.step());
                addPoint(report.step(), metric);
                solved = goal.met(metric);
            }
            progress.accept(report.step());
        }

        @Override
        public boolean stopRequested() {
            return stopWhenSolved && solved;
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

        /** The trainer's final evaluation: a point, unless training stopped at a recorded step (the same one). */
        void finish(int step, double metric) {
            if (points.get(points.size() - 1).step() != step) {
                addPoint(step, metric);
            }
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
