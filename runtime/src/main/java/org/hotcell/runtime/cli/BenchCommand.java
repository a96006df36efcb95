package org.hotcell.runtime.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.runtime.models.BackendChoice;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hotcell bench}: times Hotcell alone on one shape, forward inference over a whole sequence, and prints
 * {@code median_ms=<value>} as its last line.
 *
 * <p>It measures what a user has installed: any cell type, activation (a plugin's too) and backend the registry
 * serves, any input and hidden size, in the user's own JVM, with a plain warm-up and timing loop, for a quick
 * answer to "how fast is this configuration here". The JMH suite in {@code bench/} ({@code bench/run.sh}) measures
 * something else: a fixed grid of LSTM and GRU shapes with the standard activations, in forked JVMs, each
 * benchmark checked against another engine before it is timed, side by side with ONNX Runtime and
 * Deeplearning4j. The product does not depend on JMH or the peers, so the two share no code.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times forward inference of one recurrent layer on one shape.",
                "Last line: median_ms=<median milliseconds per forward pass>."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private CellTypeOption cell = new CellTypeOption();

    @Option(names = "--seq", defaultValue = "25", description = "steps T (default: ${DEFAULT-VALUE})")
    int seq;

    @Option(names = "--batch", defaultValue = "32", description = "batch N (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--input", defaultValue = "512", description = "input size I (default: ${DEFAULT-VALUE})")
    int input;

    @Option(names = "--hidden", defaultValue = "512", description = "hidden size H (default: ${DEFAULT-VALUE})")
    int hidden;

    @Mixin
    private ThreadsOption threads = new ThreadsOption();

    @Option(names = "--candidate", description = "candidate activation (LSTM, GRU), e.g. relu; default tanh")
    String candidate;

    @Option(names = "--output", description = "output activation (LSTM); default tanh")
    String output;

    @Option(names = "--gate", description = "gate activation (LSTM, GRU); default sigmoid")
    String gate;

    @Option(names = "--backend", paramLabel = "<backendName>", converter = BackendOption.Converter.class,
            description = "backend name; default: the highest-ranked available")
    BackendChoice backend = BackendChoice.AUTO;

    @Option(names = "--seconds", defaultValue = "3", description = "measuring time (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up time in seconds (default: ${DEFAULT-VALUE})")
    double warmup;

    @Override
    public Integer call() {
        Flags.requirePositive("--seq", seq);
        Flags.requirePositive("--batch", batch);
        Flags.requirePositive("--input", input);
        Flags.requirePositive("--hidden", hidden);
        threads.check();
        if (!(seconds > 0) || !(warmup >= 0)) {
            throw new InvalidSpecException("--seconds must be positive and --warmup not negative, got " + seconds
                    + " and " + warmup);
        }
        PluginRegistry registry = PluginRegistry.discover();
        Backend computing = backend.resolve(registry).withThreads(threads.count());
        CellType type = registry.cellType(cell.name());
        CellSpec.Builder builder = CellSpec.builder(type.name()).inputSize(input).hiddenSize(hidden);
        setRole(type, builder, "candidate", candidate);
        setRole(type, builder, "output", output);
        setRole(type, builder, "gate", gate);
        CellSpec cellSpec = builder.build();
        Cell bound = type.create(cellSpec, randomWeights(type, cellSpec), registry, computing);

        SplittableRandom random = new SplittableRandom(1);
        float[] x = new float[seq * batch * input];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        SequenceBatch sequences = SequenceBatch.timeMajor(x, seq, batch, input);

        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        do {
            bound.forward(sequences, null, false, false);
        } while (System.nanoTime() < warmupEnd);

        double[] samples = new double[1 << 16];
        int count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while ((System.nanoTime() < end || count < 5) && count < samples.length) {
            long start = System.nanoTime();
            bound.forward(sequences, null, false, false);
            samples[count++] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        double median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        int gateBlocks = type.gates().size();
        double flops = 2.0 * gateBlocks * seq * batch * hidden * (double) (input + hidden);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "cell=%s T=%d N=%d I=%d H=%d roles=%s backend=%s%n", type.name(), seq, batch, input,
                hidden, cellSpec.activations(), computing.describe());
        out.printf(Locale.ROOT, "runs=%d min_ms=%.4f p90_ms=%.4f gflops=%.2f%n", count, sorted[0],
                sorted[(int) Math.min(count - 1, Math.round(0.9 * (count - 1)))], flops / (median * 1e6));
        out.printf(Locale.ROOT, "median_ms=%.4f%n", median);
        out.flush();
        return 0;
    }

    private static void setRole(CellType type, CellSpec.Builder builder, String role, String specText) {
        if (specText == null) {
            return;
        }
        Flags.requireRole("", type, role);
        builder.activation(role, specText);
    }

    /** Uniform weights in [-1/sqrt(H), 1/sqrt(H)], as common initialisers give, seeded. */
    private static CellWeights randomWeights(CellType type, CellSpec cellSpec) {
        CellWeights weights = CellWeights.zeros(type.gates().size(), cellSpec);
        SplittableRandom random = new SplittableRandom(7);
        double scale = 1 / Math.sqrt(cellSpec.hiddenSize());
        for (float[] array : new float[][] {weights.w(), weights.r(), weights.wBias(), weights.rBias()}) {
            if (array != null) {
                for (int i = 0; i < array.length; i++) {
                    array[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
                }
            }
        }
        return weights;
    }

}
