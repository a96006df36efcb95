package org.hotcell.study.internal.claims;

import java.util.List;
import java.util.stream.LongStream;

import org.hotcell.study.Probes;
import org.hotcell.study.RunConfig;
import org.hotcell.study.TaskSetting;

/**
 * What every experiment gets: the task setting all variants share (the same model size and step budget for
 * every configuration, so none is favoured), the seeds, and the sweeps the claims use.
 *
 * @param adding      adding at T = 50: where the standard LSTM must solve in most seeds within the budget
 * @param seeds       one run per seed and configuration
 * @param lengths     training lengths of the gradient-flow claim (the first is {@code adding}'s)
 * @param evalLengths lengths a model trained at T = 50 is evaluated at (bounded state)
 * @param adamRates   Adam learning rates of the divergence sweep
 * @param sgdRates    SGD (momentum 0.9) learning rates of the divergence sweep
 * @param candidates  candidate functions of the cell x candidate claim (plugins' join them)
 */
public record Budget(TaskSetting adding, List<Long> seeds, List<Integer> lengths, List<Integer> evalLengths,
                     List<Double> adamRates, List<Double> sgdRates, List<String> candidates) {

    /** The standard candidate functions (the preset's; plugins and {@code --candidates} add to them). */
    public static final List<String> CANDIDATES = List.of("tanh", "relu", "leaky_relu", "hard_tanh", "softsign",
            "elu", "silu");

    public Budget {
        seeds = List.copyOf(seeds);
        lengths = List.copyOf(lengths);
        evalLengths = List.copyOf(evalLengths);
        adamRates = List.copyOf(adamRates);
        sgdRates = List.copyOf(sgdRates);
        candidates = List.copyOf(candidates);
    }

    /**
     * The default run, sized for under ten minutes on two cores: 10 seeds, hidden 16, up to 1500 steps of 16
     * sequences. Calibrated: the standard LSTM solved adding at T = 50 in 12 of 12 seeds, in 425 to 750 steps.
     */
    public static Budget quick() {
        return new Budget(new TaskSetting("adding", 50, 16, 1500, 16, 25, 128, TaskSetting.defaultGoal("adding")),
                seeds(10), List.of(50, 100, 200), List.of(100, 200, 400), List.of(1e-3, 3e-3, 1e-2),
                List.of(0.01, 0.03, 0.1), CANDIDATES);
    }

    /** {@code --full}: 30 seeds, hidden 32, up to 2000 steps of 32, T up to 400, evaluation up to 800. */
    public static Budget full() {
        return new Budget(new TaskSetting("adding", 50, 32, 2000, 32, 50, 256, TaskSetting.defaultGoal("adding")),
                seeds(30), List.of(50, 100, 200, 400), List.of(100, 200, 400, 800), List.of(1e-3, 3e-3, 1e-2),
                List.of(0.01, 0.03, 0.1), CANDIDATES);
    }

    /** Seeds 1 to n. */
    public static List<Long> seeds(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /** The same budget with other seeds, step budget or candidates. */
    public Budget with(List<Long> newSeeds, Integer steps, List<String> newCandidates) {
        return new Budget(steps == null ? adding : adding.withSteps(steps), newSeeds, lengths, evalLengths,
                adamRates, sgdRates, newCandidates);
    }

    /** Adding at the budget's second length (T = 100): where a claim needs a task that not everything solves. */
    public TaskSetting harder() {
        return adding.withLength(lengths.size() > 1 ? lengths.get(1) : adding.length());
    }

    /** The standard LSTM (sigmoid gates, tanh candidate and output, Adam 0.01, clip 1) with the gradient probe. */
    public RunConfig base() {
        return RunConfig.standardLstm(adding).withProbes(new Probes(List.of(), true));
    }
}
