package org.hotcell.runtime.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.PluginRegistry;

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
                "Also prints the vector width, this core's measured FMA peak and the share of it that the"
                        + " recurrent product (N x H . H x G*H) and the whole layer reach.",
                "Last line: median_ms=<median milliseconds per forward pass>."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private CellChoice cell = new CellChoice();

    @Mixin
    private ComputeOptions compute = new ComputeOptions();

    @Option(names = "--seq", defaultValue = "25", description = "steps T (default: ${DEFAULT-VALUE})")
    int seq;

    @Option(names = "--batch", defaultValue = "32", description = "batch N (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--input", defaultValue = "512", description = "input size I (default: ${DEFAULT-VALUE})")
    int input;

    @Option(names = "--hidden", defaultValue = "512", description = "hidden size H (default: ${DEFAULT-VALUE})")
    int hidden;

    @Mixin
    private TimingOptions timing = new TimingOptions();

    @Override
    public Integer call() {
        Flags.requirePositive("--seq", seq);
        Flags.requirePositive("--batch", batch);
        Flags.requirePositive("--input", input);
        Flags.requirePositive("--hidden", hidden);
        compute.check();
        timing.check();
        PluginRegistry registry = PluginRegistry.discover();
        Backend computing = compute.resolve(registry);
        CellType type = registry.cellType(cell.name());
        CellSpec.Builder builder = CellSpec.builder(type.name()).inputSize(input).hiddenSize(hidden);
        for (String role : List.of("candidate", "output", "gate")) {
            setRole(type, builder, role, cell.activation(role));
        }
        CellSpec cellSpec = builder.build();
        Cell bound = type.create(cellSpec, randomWeights(type, cellSpec), registry, computing);

        SplittableRandom random = new SplittableRandom(1);
        float[] x = new float[seq * batch * input];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        SequenceBatch sequences = SequenceBatch.timeMajor(x, seq, batch, input);

        double[] sorted = timing.sortedMillis(() -> bound.forward(sequences, null, false, false));
        int count = sorted.length;
        double median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        int gateBlocks = type.gates().size();
        double flops = 2.0 * gateBlocks * seq * batch * hidden * (double) (input + hidden);

        // The step's recurrent product alone (N x H times H x G*H), as the kernel's share of the machine's peak.
        int width = gateBlocks * hidden;
        SplittableRandom weights = new SplittableRandom(3);
        float[] r = new float[width * hidden];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (weights.nextDouble() * 2 - 1);
        }
        PackedMatrix packed = computing.pack(r, 0, width, hidden);
        float[] h = Arrays.copyOf(x, batch * hidden);
        float[] product = new float[batch * width];
        double[] gemmSorted = timing.sortedMillis(() -> computing.multiply(h, 0, hidden, batch, packed, product, 0,
                width, false));
        double gemmGflops = 2.0 * batch * width * hidden / (gemmSorted[gemmSorted.length / 2] * 1e6);
        OptionalDouble peak = FmaPeak.gflops(0.5);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "cell=%s T=%d N=%d I=%d H=%d roles=%s backend=%s%n", type.name(), seq, batch, input,
                hidden, cellSpec.activations(), computing.describe());
        out.printf(Locale.ROOT, "vector_width=%s fma_peak_gflops_per_core=%s%n", FmaPeak.width(),
                peak.isPresent() ? String.format(Locale.ROOT, "%.1f", peak.getAsDouble()) : "unknown");
        out.printf(Locale.ROOT, "gemm=%dx%dx%d gemm_gflops=%.2f gemm_share_of_peak=%s layer_share_of_peak=%s"
                        + " (of %d %s peak)%n", batch, width, hidden, gemmGflops,
                share(gemmGflops, peak, computing), share(flops / (median * 1e6), peak, computing),
                threadsOf(computing), threadsOf(computing) == 1 ? "core's" : "cores'");
        out.printf(Locale.ROOT, "runs=%d min_ms=%.4f p90_ms=%.4f gflops=%.2f%n", count, sorted[0],
                sorted[(int) Math.min(count - 1, Math.round(0.9 * (count - 1)))], flops / (median * 1e6));
        out.printf(Locale.ROOT, "median_ms=%.4f%n", median);
        out.flush();
        return 0;
    }

    /** {@code rate} as a percentage of the peak of the backend's threads, or "unknown". */
    private static String share(double rate, OptionalDouble peak, Backend backend) {
        return peak.isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * rate / (peak.getAsDouble()
                * threadsOf(backend))) : "unknown";
    }

    private static int threadsOf(Backend backend) {
        return threadsIn(backend.describe());
    }

    /** The thread count a backend's description names ("..., 2 threads"), else 1. */
    static int threadsIn(String description) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+) threads?").matcher(description);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
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
