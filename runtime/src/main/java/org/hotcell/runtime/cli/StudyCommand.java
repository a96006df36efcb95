package org.hotcell.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.study.Study;
import org.hotcell.study.StudyRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotcell study}: the activation study (examples/activation-study). This class only turns options into a
 * {@link StudyRequest}; the study module does the rest.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Why sigmoid gates and a tanh candidate, and can ReLU do instead? Trains every cell x gate "
                + "function x candidate/output function x seed on the adding, copy and sine tasks and writes "
                + "study-report/index.html (plots, results.csv, a summary computed from the numbers).",
                "Without options: a quick grid (three seeds, a few hundred steps; about 5 minutes on two cores)."})
final class StudyCommand implements Callable<Integer> {

    @Option(names = "--full", description = "the whole grid: three seeds, hidden 32, 2000 steps (hours)")
    boolean full;

    @Option(names = "--out", defaultValue = "study-report", description = "report directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--tasks", split = ",", description = "a subset of adding, copy, sine")
    List<String> tasks;

    @Option(names = "--cells", split = ",", description = "a subset of lstm, gru")
    List<String> cells;

    @Option(names = "--gates", split = ",", description = "gate functions (default: sigmoid, hard_sigmoid)")
    List<String> gates;

    @Option(names = "--candidates", split = ",",
            description = "candidate/output functions (default: tanh, relu, leaky_relu, hard_tanh, softsign, elu, "
                    + "silu and every activation of --plugins)")
    List<String> candidates;

    @Option(names = "--seeds", split = ",", description = "seeds, e.g. 1,2,3 (default: 1 quick, 1,2,3 full)")
    List<Long> seeds;

    @Option(names = "--steps", description = "training steps of every task (default: the grid's)")
    Integer steps;

    @Option(names = "--clip", description = "gradient-norm clipping bound, 0 for none (default: 1.0)")
    Double clip;

    @Option(names = "--plugins", description = "a directory of activation plugin jars whose activations join the "
            + "candidates")
    Path plugins;

    @Option(names = "--threads", defaultValue = "0",
            description = "runs at once; 0 for one per available processor (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    @Override
    public Integer call() {
        if (threads < 0) {
            throw new InvalidSpecException("--threads must be 0 (one run per available processor) or more, got "
                    + threads);
        }
        Study.run(new StudyRequest(full, tasks, cells, gates, candidates, seeds, steps, clip, out, plugins,
                threads),
                System.out, quiet ? null : System.err);
        return 0;
    }
}
