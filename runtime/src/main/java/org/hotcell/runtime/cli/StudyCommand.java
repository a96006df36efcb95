package org.hotcell.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.study.Study;
import org.hotcell.study.StudyRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hotcell study}: the activation study (study). This class only turns options into a
 * {@link StudyRequest}; the study module does the rest.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Why sigmoid gates and a tanh candidate, and can ReLU do instead? Tests nine claims people make "
                + "about the LSTM's functions, each as its own experiment with 10 seeds per configuration, and "
                + "writes study-report/index.html: the claims table (verdict, effect with 95%% CI, plot, the command "
                + "that reproduces it), plots, results.csv.",
                "Without options: every claim, 410 runs, about 4 minutes measured on two cores (AMD EPYC, AVX-512)."})
final class StudyCommand implements Callable<Integer> {

    @Option(names = "--full", description = "30 seeds, a larger model (hidden 32), up to 2000 steps, T up to 400 "
            + "(estimated at about 3 hours on two cores; see --spark)")
    boolean full;

    @Option(names = "--out", defaultValue = "study-report", description = "report directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--claims", split = ",", description = "only these claims, e.g. 1,4 (default: all nine)")
    List<Integer> claims;

    @Option(names = "--seeds", description = "seeds per configuration (default: 10; 30 with --full)")
    Integer seeds;

    @Option(names = "--steps", description = "the step budget of every run (default: 1000; 2000 with --full)")
    Integer steps;

    @Option(names = "--candidates", split = ",",
            description = "candidate functions added to claim 9 (cell x candidate), e.g. softplus,mish")
    List<String> candidates;

    @Option(names = "--plugins", description = "a directory of activation plugin jars whose activations join claim 9")
    Path plugins;

    @Option(names = "--threads", defaultValue = "0",
            description = "runs at once; 0 for one per available processor (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "run the runs on Apache Spark (local[N] or spark://host:port); ./hotcell puts the Spark "
                    + "runner on the class path")
    String spark;

    @Mixin
    private QuietOption quiet = new QuietOption();

    @Override
    public Integer call() {
        if (threads < 0) {
            throw new InvalidSpecException("--threads must be 0 (one run per available processor) or more, got "
                    + threads);
        }
        Study.run(new StudyRequest(full, claims, seeds, steps, candidates, out, plugins, threads, spark),
                System.out, quiet.progress());
        return 0;
    }
}
