package org.hotcell.study.internal.timing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;
import org.hotcell.model.net.Model;
import org.hotcell.model.optim.Adam;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.task.Task;
import org.hotcell.model.task.Tasks;
import org.hotcell.model.train.StepReport;
import org.hotcell.model.train.Trainer;
import org.hotcell.model.train.TrainingConfig;
import org.hotcell.model.train.TrainingListener;

/**
 * Milliseconds of wall time per training step of the study's standard run, for each candidate function: one
 * LSTM layer of {@value #HIDDEN} units with sigmoid gates and the candidate as its candidate and output
 * function, a dense head, the adding task at T = {@value #LENGTH}, batches of {@value #BATCH}, Adam at 0.01,
 * gradient-norm clipping at 1, full backpropagation through time, on the backend given but with one thread (as
 * the study runs each run single-threaded). The kernels' cost per element ({@link ActivationTimings}) says what
 * an activation costs; this says how much of a step that is.
 *
 * <p>One sample is step 2 of {@code Trainer.train} on a freshly initialized model (the same seed each time) with
 * a two-step config: the wall time from the listener's call after step 1 to its call after step 2, which is
 * exactly one step as the study's trainer runs it (draw and check the batch, bind the cells to the weights,
 * forward, loss, backward, scan for non-finite values, clip, Adam update). The trainer has no single-step call;
 * the listener's two callbacks bracket one step without the test evaluations the call also runs before and
 * after. A fresh model every time makes every sample of a candidate compute the very same numbers, so the
 * samples differ only by the machine's noise, and no candidate can drift into overflow over a long run.
 *
 * <p>Warm-up: the same rounds untimed, until no candidate's step has become faster for 2 s (its code is
 * compiled; see {@link WarmUp}), for at least an eighth and at most half of the budget. Then each round takes
 * one sample per candidate, in list order (round-robin, step by step), so that a busy moment of a shared
 * machine falls on all candidates alike.
 */
public final class TrainingStepTimings {
    /** The task of the study's standard run. */
    public static final String TASK = "adding";
    /** Its sequence length T. */
    public static final int LENGTH = 50;
    /** Units of the LSTM layer. */
    public static final int HIDDEN = 16;
    /** Sequences per step. */
    public static final int BATCH = 16;
    /** The default budget, warm-up included. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(15);
    /** Timed rounds at least, whatever the budget; and at most, however fast the machine. */
    static final int MIN_ROUNDS = 3;
    static final int MAX_ROUNDS = 400;
    private static final int MIN_WARMUP_ROUNDS = 2;
    /** The warm-up ends once no candidate's step has become faster for this long (see {@link WarmUp}). */
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long SEED = 1;
    private static final double LEARNING_RATE = 0.01;
    private static final double CLIP = 1;
    /** Two steps: the first is untimed (the call's test evaluation runs before it), the second is the sample. */
    private static final TrainingConfig TWO_STEPS = new TrainingConfig(2, BATCH, SEED, CLIP, 0, 1);

    private TrainingStepTimings() {
    }

    /**
     * Times training steps for each candidate, interleaved round-robin, within about {@code budget} of wall time
     * (an eighth to a half of it warm-up); at least {@link #MIN_ROUNDS} timed rounds, at most {@link #MAX_ROUNDS}.
     *
     * @param registry   resolves the cell type and the activations
     * @param backend    computes the steps, with one thread
     * @param candidates candidate (and output) functions, e.g. {@code tanh}, {@code hard_tanh}; each once
     * @param budget     the wall time to spend, warm-up included
     * @return one timing per candidate, in the order asked for, all with the same number of samples
     * @throws org.hotcell.core.error.UnknownActivationException naming a candidate the registry does not know,
     *                                                           before anything is timed
     * @throws IllegalArgumentException for no candidates, one listed twice or a budget that is not positive
     */
    public static List<StepTiming> measure(Registry registry, Backend backend, List<String> candidates,
                                           Duration budget) {
        Rounds.checkNames(candidates, "candidates");
        long nanos = Rounds.nanos(budget);
        candidates.forEach(registry::activation);
        Task task = Tasks.create(TASK, LENGTH);
        List<ModelSpec> specs = candidates.stream().map(candidate -> modelSpec(candidate, task)).toList();
        Trainer trainer = new Trainer(registry, backend.withThreads(1));
        long start = System.nanoTime();
        WarmUp warmUp = new WarmUp(specs.size(), start, nanos / 8, nanos / 2, QUIET_NANOS);
        for (int round = 0; round < MIN_WARMUP_ROUNDS || !warmUp.over(); round++) {
            for (int i = 0; i < specs.size(); i++) {
                warmUp.record(i, step(registry, trainer, specs.get(i), task));
            }
        }
        double[][] samples = new double[specs.size()][MAX_ROUNDS];
        int rounds = Rounds.run(start + nanos, MIN_ROUNDS, MAX_ROUNDS, round -> {
            for (int i = 0; i < specs.size(); i++) {
                samples[i][round] = step(registry, trainer, specs.get(i), task) / 1e6;
            }
        });
        List<StepTiming> timings = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            timings.add(new StepTiming(candidates.get(i), Samples.of("ms/step", samples[i], rounds)));
        }
        return timings;
    }

    /** The study's model for a candidate: sigmoid gates, the candidate as candidate and output function. */
    static ModelSpec modelSpec(String candidate, Task task) {
        Map<String, ActivationSpec> roles = new LinkedHashMap<>();
        roles.put("gate", ActivationSpec.parse("sigmoid"));
        roles.put("candidate", ActivationSpec.parse(candidate));
        roles.put("output", ActivationSpec.parse(candidate));
        return new ModelSpec(task.inputSize(), List.of(LayerSpec.of("lstm", HIDDEN, roles)),
                new HeadSpec(task.outputSize(), task.readout()));
    }

    /** One sample: the nanoseconds of step 2 of a fresh model's two-step training. */
    private static long step(Registry registry, Trainer trainer, ModelSpec spec, Task task) {
        Model model = Model.initialize(spec, registry::cellType, SEED);
        StepClock clock = new StepClock();
        trainer.train(model, task, TWO_STEPS, new Adam(LEARNING_RATE), clock);
        return clock.afterSecond - clock.afterFirst;
    }

    /** Notes the time of the listener's calls after steps 1 and 2. */
    private static final class StepClock implements TrainingListener {
        long afterFirst;
        long afterSecond;

        @Override
        public void onStep(StepReport report, int total) {
            long now = System.nanoTime();
            if (report.step() == 1) {
                afterFirst = now;
            } else if (report.step() == 2) {
                afterSecond = now;
            }
        }
    }
}
