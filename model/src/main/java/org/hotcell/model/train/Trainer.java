package org.hotcell.model.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.core.registry.Registry;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.loss.SoftmaxCrossEntropy;
import org.hotcell.model.net.CachedActivations;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.net.NetworkPass;
import org.hotcell.model.optim.GradientClipping;
import org.hotcell.model.optim.Optimizer;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.ParameterNames;
import org.hotcell.model.param.Parameters;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.task.Batch;
import org.hotcell.model.task.Task;

/**
 * Trains a model by (optionally truncated) backpropagation through time. The cells are built once per run and
 * updated in place. Each step: draw a batch, run forward keeping the trace, scan for non-finite values, compute
 * the loss and its gradient, run backward, scan the gradients, clip their global norm, let the optimizer compute
 * its increments, and add them to the model's parameters and to the cells alike ({@link Network#addToWeights}).
 * An optimizer that only updates in place ({@link Optimizer#increments} null) or a cell that cannot take an
 * update rebuilds the network from the updated parameters before the next step instead. A NaN or infinity anywhere stops the run with a {@link TrainingDivergedException} before the update,
 * so a model is never left holding non-finite weights.
 *
 * <p>Reproducible: batches come from a {@link SplittableRandom} seeded by the config (the test set from its
 * first split, the training batches from its second), weights from the model's own seed, and the order of every
 * computation is fixed, so the same seeds and backend on the same machine give bit-identical results.
 *
 * <p>Truncated BPTT splits each sequence into windows of K steps; the state after one window starts the next
 * (carried, not differentiated through). For a per-step readout each window's loss is weighted by its share of
 * the scored rows; for a last-step readout only the last window carries a loss.
 */
public final class Trainer {
    private final Function<String, CellType> cellTypes;
    private final ActivationSource activations;
    private final Backend backend;

    /** A trainer resolving cells and activations through {@code registry}, computing on {@code backend}. */
    public Trainer(Registry registry, Backend backend) {
        this(registry::cellType, new CachedActivations(registry), backend);
    }

    /** A trainer over explicit sources (tests use this with test cells and activations). */
    public Trainer(Function<String, CellType> cellTypes, ActivationSource activations, Backend backend) {
        this.cellTypes = cellTypes;
        this.activations = activations instanceof CachedActivations ? activations : new CachedActivations(activations);
        this.backend = backend;
    }

    /**
     * Trains on batches drawn from a task; the test set ({@code config.testSize()} sequences) is drawn first from
     * its own stream.
     *
     * @throws BadDataException            when the test set or a batch holds a NaN or infinity
     * @throws TrainingDivergedException   when training produces one
     * @throws ShapeMismatchException      when the task does not fit the model
     */
    public TrainingResult train(Model model, Task task, TrainingConfig config, Optimizer optimizer,
                                TrainingListener listener) {
        ModelSpec spec = model.spec();
        ShapeMismatchException.check("model input size for task " + task.name(), spec.inputSize(), task.inputSize());
        ShapeMismatchException.check("model output size for task " + task.name(), spec.head().outputs(),
                task.outputSize());
        if (spec.head().readout() != task.readout()) {
            throw new InvalidSpecException("task " + task.name() + " needs a " + task.readout().text()
                    + " readout, the model has " + spec.head().readout().text());
        }
        SplittableRandom root = new SplittableRandom(config.seed());
        Batch test = task.batch(config.testSize(), root.split());
        SplittableRandom trainRandom = root.split();
        DataChecks.requireFinite(test, "test set");
        return run(model, task.loss(), step -> task.batch(config.batchSize(), trainRandom), test,
                task.reportsAccuracy(), config, optimizer, listener);
    }

    /**
     * The test set that {@link #train(Model, Task, TrainingConfig, Optimizer, TrainingListener)} draws for this
     * seed and size, so that a saved model can be evaluated again on exactly the sequences it was tested on.
     */
    public static Batch testSet(Task task, long seed, int size) {
        return task.batch(size, new SplittableRandom(seed).split());
    }

    /**
     * Trains on fixed data, cycling through the batches in order. Every batch and the test set are checked for
     * NaN and infinity before the first step.
     *
     * @throws BadDataException naming the batch and position of the first NaN or infinity
     */
    public TrainingResult train(Model model, Loss loss, List<Batch> data, Batch test, boolean accuracy,
                                TrainingConfig config, Optimizer optimizer, TrainingListener listener) {
        if (data.isEmpty()) {
            throw new InvalidSpecException("training data has no batches");
        }
        for (int i = 0; i < data.size(); i++) {
            DataChecks.requireFinite(data.get(i), "training batch " + i);
        }
        DataChecks.requireFinite(test, "test set");
        return run(model, loss, step -> data.get((step - 1) % data.size()), test, accuracy, config, optimizer,
                listener);
    }

    /** Evaluates a model on a batch (forward only). */
    public Evaluation evaluate(Model model, Loss loss, Batch batch, boolean accuracy) {
        Network network = Network.build(model, cellTypes, activations, backend);
        NetworkPass pass = network.forward(batch.x(), null, false);
        return evaluation(loss, pass.output(), batch, accuracy, model.spec().head().outputs());
    }

    private TrainingResult run(Model model, Loss loss, IntFunction<Batch> batches, Batch test, boolean accuracy,
                               TrainingConfig config, Optimizer optimizer, TrainingListener listener) {
        ExecutorService pool = config.workers() > 1 ? Executors.newFixedThreadPool(config.workers(), runnable -> {
            Thread thread = new Thread(runnable, "hotcell-train-worker");
            thread.setDaemon(true);
            return thread;
        }) : null;
        try {
            return run(model, loss, batches, test, accuracy, config, optimizer, listener, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private TrainingResult run(Model model, Loss loss, IntFunction<Batch> batches, Batch test, boolean accuracy,
                               TrainingConfig config, Optimizer optimizer, TrainingListener listener,
                               ExecutorService pool) {
        if (config.bpttWindow() > 0) {
            for (int l = 0; l < model.spec().layers().size(); l++) {
                Direction direction = model.spec().layers().get(l).direction();
                if (direction != Direction.FORWARD) {
                    // A window cannot see the steps after it, which a reverse reading starts from.
                    throw new InvalidSpecException("truncated BPTT (window " + config.bpttWindow()
                            + ") needs forward layers only; layer " + l + " is "
                            + direction.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        long[] time = new long[6];
        long start = System.nanoTime();
        Evaluation before = evaluate(model, loss, test, accuracy);
        time[5] += System.nanoTime() - start;
        List<StepReport> history = new ArrayList<>();
        Network network = null;
        for (int step = 1; step <= config.steps(); step++) {
            long t0 = System.nanoTime();
            Batch batch = batches.apply(step);
            DataChecks.requireFinite(batch, "training batch of step " + step);
            long t1 = System.nanoTime();
            time[0] += t1 - t0;
            if (network == null) {
                network = Network.build(model, cellTypes, activations, backend);
            }
            time[1] += System.nanoTime() - t1;
            Outcome outcome = pool == null ? gradients(network, loss, batch, config.bpttWindow(), time)
                    : parallelGradients(network, loss, batch, config, time, pool);
            long t2 = System.nanoTime();
            NonFinite bad = outcome.nonFinite;
            if (bad == null) {
                bad = Diagnostics.scanGradients(outcome.gradients, model, cellTypes);
            }
            // Norms before clipping: what the gradient was, not what the update used.
            Map<String, Double> layerNorms = layerNorms(model.spec(), outcome.gradients);
            double norm = bad == null ? GradientClipping.clip(outcome.gradients, config.clipNorm())
                    : outcome.gradients == null ? Double.NaN : outcome.gradients.norm("");
            StepReport report = new StepReport(step, outcome.loss, norm, layerNorms, outcome.maxAbsH,
                    outcome.maxAbsC, bad);
            if (bad != null) {
                throw new TrainingDivergedException(report);
            }
            if (!update(network, optimizer, outcome.gradients)) {
                network = null; // the parameters changed under the cells: build from them next step
            }
            time[4] += System.nanoTime() - t2;
            history.add(report);
            if (listener != null) {
                listener.onStep(report, config.steps());
                if (listener.stopRequested()) {
                    break;
                }
            }
        }
        long t3 = System.nanoTime();
        Evaluation after = evaluate(model, loss, test, accuracy);
        time[5] += System.nanoTime() - t3;
        if (!Double.isFinite(after.loss())) {
            throw new TrainingDivergedException(new StepReport(config.steps(), after.loss(), Double.NaN, Map.of(),
                    Double.NaN, Double.NaN, new NonFinite("test set loss after training", -1, -1, -1, "loss",
                    (float) after.loss(), "every training step was finite")), true);
        }
        return new TrainingResult(model, List.copyOf(history), before, after,
                new Timings(time[0], time[1], time[2], time[3], time[4], time[5]));
    }

    /**
     * One optimizer update of the model's parameters, applied to the network's cells in place where they can
     * take it; false when they could not, and the network no longer matches the parameters.
     */
    private static boolean update(Network network, Optimizer optimizer, Parameters gradients) {
        Parameters parameters = network.model().parameters();
        Parameters increments = optimizer.increments(parameters, gradients);
        if (increments == null) {
            optimizer.step(parameters, gradients);
            return false;
        }
        if (!network.updatesInPlace()) {
            parameters.addScaled(increments, 1f);
            return false;
        }
        network.addToWeights(increments, 1f);
        return true;
    }

    /** Loss, gradients and diagnostics of one batch, or the first non-finite value found. */
    private record Outcome(double loss, Parameters gradients, double maxAbsH, double maxAbsC, NonFinite nonFinite) {
    }

    /**
     * The outcome of a batch split into contiguous shares of items, one per worker: the loss and gradient are the
     * shares' weighted by their share of the loss weight, summed in worker order (so the result does not depend
     * on which thread finishes first).
     */
    private Outcome parallelGradients(Network network, Loss loss, Batch batch, TrainingConfig config, long[] time,
                                      ExecutorService pool) {
        int n = batch.x().batch();
        int workers = Math.min(config.workers(), n);
        boolean perStep = network.model().spec().head().readout() == Readout.PER_STEP;
        List<Future<Outcome>> futures = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        double[] shares = new double[workers];
        double totalWeight = Loss.weightSum(batch.weights(), batch.rows());
        for (int k = 0; k < workers; k++) {
            int from = k * n / workers;
            int to = (k + 1) * n / workers;
            Batch part = Batches.items(batch, from, to, perStep);
            shares[k] = totalWeight == 0 ? 0 : Loss.weightSum(part.weights(), part.rows()) / totalWeight;
            long[] own = new long[6];
            times.add(own);
            futures.add(pool.submit(() -> gradients(network, loss, part, config.bpttWindow(), own)));
        }
        double lossValue = 0;
        double maxH = 0;
        double maxC = 0;
        Parameters total = null;
        NonFinite bad = null;
        for (int k = 0; k < workers; k++) {
            Outcome part;
            try {
                part = futures.get(k).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("a training worker failed", e.getCause());
            }
            for (int i = 0; i < time.length; i++) {
                time[i] += times.get(k)[i];
            }
            maxH = Math.max(maxH, part.maxAbsH);
            maxC = Math.max(maxC, part.maxAbsC);
            if (bad == null && part.nonFinite != null) {
                bad = part.nonFinite;
            }
            lossValue += shares[k] * part.loss;
            if (part.gradients != null) {
                part.gradients.scale((float) shares[k]);
                if (total == null) {
                    total = part.gradients;
                } else {
                    accumulate(total, part.gradients);
                }
            }
        }
        return bad != null ? new Outcome(Double.NaN, null, maxH, maxC, bad)
                : new Outcome(lossValue, total, maxH, maxC, null);
    }

    private Outcome gradients(Network network, Loss loss, Batch batch, int window, long[] time) {
        Model model = network.model();
        SequenceBatch x = batch.x();
        int steps = x.steps();
        int n = x.batch();
        int width = model.spec().head().outputs();
        boolean perStep = model.spec().head().readout() == Readout.PER_STEP;
        int size = window == 0 || window >= steps ? steps : window;
        if (size < steps && x.lengths() != null) {
            throw new InvalidSpecException("truncated BPTT needs sequences of equal length; this batch has lengths");
        }
        double totalWeight = perStep ? Loss.weightSum(batch.weights(), batch.rows()) : 0;
        List<List<CellState>> state = null;
        Parameters total = null;
        double lossValue = 0;
        double maxH = 0;
        double maxC = 0;
        for (int begin = 0; begin < steps; begin += size) {
            int end = Math.min(steps, begin + size);
            boolean last = end == steps;
            SequenceBatch part = size == steps ? x : slice(x, begin, end);
            boolean scored = perStep || last;
            long t0 = System.nanoTime();
            NetworkPass pass = network.forward(part, state, scored);
            NonFinite bad = Diagnostics.scan(pass, model, cellTypes, state);
            maxH = Math.max(maxH, Diagnostics.maxAbsH(pass));
            maxC = Math.max(maxC, Diagnostics.maxAbsC(pass));
            if (bad != null) {
                time[2] += System.nanoTime() - t0;
                return new Outcome(Double.NaN, null, maxH, maxC, bad);
            }
            if (scored) {
                int rowFrom = perStep ? begin * n : 0;
                int rows = pass.rows();
                float[] target = java.util.Arrays.copyOfRange(batch.target(), rowFrom * width, (rowFrom + rows) * width);
                float[] weights = batch.weights() == null ? null
                        : java.util.Arrays.copyOfRange(batch.weights(), rowFrom, rowFrom + rows);
                float[] grad = new float[rows * width];
                double partLoss = loss.evaluate(pass.output(), target, weights, rows, width, grad);
                double share = perStep && size < steps
                        ? (totalWeight == 0 ? 0 : Loss.weightSum(weights, rows) / totalWeight) : 1;
                lossValue += partLoss * share;
                if (!Double.isFinite(partLoss)) {
                    time[2] += System.nanoTime() - t0;
                    return new Outcome(partLoss, null, maxH, maxC, new NonFinite("loss", -1, -1, -1, loss.name(),
                            (float) partLoss, "outputs were finite"));
                }
                if (share != 1) {
                    for (int i = 0; i < grad.length; i++) {
                        grad[i] *= (float) share;
                    }
                }
                long t1 = System.nanoTime();
                time[2] += t1 - t0;
                Parameters grads = network.backward(pass, grad);
                if (total == null) {
                    total = grads;
                } else {
                    accumulate(total, grads);
                }
                time[3] += System.nanoTime() - t1;
            } else {
                time[2] += System.nanoTime() - t0;
            }
            state = last ? null : pass.lastStates();
        }
        return new Outcome(lossValue, total, maxH, maxC, null);
    }

    private static SequenceBatch slice(SequenceBatch x, int begin, int end) {
        int rowWidth = x.batch() * x.features();
        float[] data = new float[(end - begin) * rowWidth];
        for (int t = begin; t < end; t++) {
            for (int n = 0; n < x.batch(); n++) {
                System.arraycopy(x.data(), x.rowOffset(t, n), data, ((t - begin) * x.batch() + n) * x.features(),
                        x.features());
            }
        }
        return SequenceBatch.timeMajor(data, end - begin, x.batch(), x.features());
    }

    private static void accumulate(Parameters into, Parameters delta) {
        for (Parameter p : into.list()) {
            float[] a = p.data();
            float[] b = delta.get(p.name()).data();
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
        }
    }

    private static Map<String, Double> layerNorms(ModelSpec spec, Parameters gradients) {
        Map<String, Double> norms = new LinkedHashMap<>();
        if (gradients == null) {
            return norms;
        }
        for (int l = 0; l < spec.layers().size(); l++) {
            String prefix = ParameterNames.layer(l);
            norms.put(prefix.substring(0, prefix.length() - 1), gradients.norm(prefix));
        }
        norms.put("head", gradients.norm(ParameterNames.HEAD));
        return norms;
    }

    static Evaluation evaluation(Loss loss, float[] output, Batch batch, boolean accuracy, int width) {
        int rows = batch.rows();
        float[] grad = new float[rows * width];
        double lossValue = loss.evaluate(output, batch.target(), batch.weights(), rows, width, grad);
        float[] scored = batch.scored() != null ? batch.scored() : batch.weights();
        boolean classes = loss instanceof SoftmaxCrossEntropy;
        double squared = 0;
        double weight = 0;
        long right = 0;
        long counted = 0;
        double[] probabilities = new double[width];
        for (int r = 0; r < rows; r++) {
            double w = scored == null ? 1 : scored[r];
            if (w == 0) {
                continue;
            }
            counted++;
            if (classes) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < width; j++) {
                    max = Math.max(max, output[r * width + j]);
                }
                double sum = 0;
                for (int j = 0; j < width; j++) {
                    probabilities[j] = Math.exp(output[r * width + j] - max);
                    sum += probabilities[j];
                }
                for (int j = 0; j < width; j++) {
                    probabilities[j] /= sum;
                }
            } else {
                for (int j = 0; j < width; j++) {
                    probabilities[j] = output[r * width + j];
                }
            }
            for (int j = 0; j < width; j++) {
                double d = probabilities[j] - batch.target()[r * width + j];
                squared += w * d * d;
            }
            weight += w;
            if (accuracy && SoftmaxCrossEntropy.argmax(output, r, width)
                    == SoftmaxCrossEntropy.argmax(batch.target(), r, width)) {
                right++;
            }
        }
        double mse = weight == 0 ? 0 : squared / (weight * width);
        return new Evaluation(lossValue, mse, accuracy ? (counted == 0 ? Double.NaN : (double) right / counted)
                : Double.NaN, counted);
    }
}
