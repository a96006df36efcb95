package org.hotcell.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.hotcell.bench.paired.PairedResult;
import org.hotcell.bench.paired.PairedRun;
import org.hotcell.bench.paired.PairedTable;
import org.hotcell.bench.table.FromJmh;
import org.hotcell.bench.table.Measurement;
import org.hotcell.bench.table.ResultTable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The side-by-side suite of issue 8: runs, through JMH's {@link Runner}, the FMA peak and GEMM kernels, Hotcell
 * forward on the SIMD and reference backends, Hotcell training steps, and (when compiled with {@code -Ppeers})
 * ONNX Runtime forward and Deeplearning4j forward and training, over the workload grid, shape by shape so that
 * each Hotcell fork runs next to its peers' forks; then prints the table
 * made from the {@link RunResult}s and writes it to {@code OUT/results.md}, JMH's JSON to {@code OUT/jmh/}. Last,
 * the paired measurements ({@link #paired}), with calls alternating in one JVM: each non-standard activation
 * against tanh, Hotcell against ONNX Runtime (layers and the GEMM, at 1 thread), every training step
 * against its forward pass, and issue 20's targets; {@code --paired-only} runs just those and writes
 * {@code OUT/paired.md}.
 *
 * <pre>
 * Suite [--quick] [--paired-only] [--out DIR] [--threads 1,2]
 * </pre>
 *
 * Deeplearning4j runs in forks started through a small script that sets {@code OPENBLAS_CORETYPE} (chosen from
 * the CPU), {@code OMP_WAIT_POLICY=PASSIVE} and {@code OMP_NUM_THREADS} = the thread count, since native
 * libraries read those from the environment a JVM starts with. Exit status 1 when a benchmark gave no result
 * (its self-check failed or it crashed): the table then shows {@code -} for it.
 *
 * <p>{@code hotcell bench} is not a smaller copy of this suite: it times one shape of whatever cell type,
 * activation and backend the user has installed, plugins included, in one JVM without JMH or peers.
 */
public final class Suite {
    /** The paired ONNX Runtime runs (peers source set, so named rather than referenced). */
    private static final String PAIRED_ORT = "org.hotcell.bench.peers.PairedOrt";
    private static final String PAIRED_ORT_GEMM = "org.hotcell.bench.peers.PairedOrtGemm";
    /**
     * The products paired against ONNX Runtime's MatMul (MxNxK, W 4H x H): one row (a batch-1 step), the recurrent
     * steps at batch 32 and 64, and the input projection of (25, 32, 512) (all 800 rows at once).
     */
    private static final List<String> GEMM_SHAPES = List.of("1x2048x512", "32x2048x512", "64x2048x512",
            "32x4096x1024", "64x4096x1024", "800x2048x512");
    private static final List<String> QUICK_GEMM_SHAPES = List.of("32x2048x512", "800x2048x512");
    /** A peer benchmark and the peers' own classes: all must be on the class path (a -Ppeers build). */
    private static final List<String> PEER_PROBES = List.of("org.hotcell.bench.peers.OrtForward",
            "ai.onnxruntime.OrtEnvironment", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork");

    private final boolean quick;
    private final Path out;
    private final List<Integer> threads;
    private final List<String> workloads;
    private final List<String> hotcellOnly;
    private final Machine machine = Machine.read();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    private Suite(boolean quick, Path out, List<Integer> threads) {
        this.quick = quick;
        this.out = out;
        this.threads = threads;
        this.workloads = quick ? Grid.QUICK : Grid.FULL;
        this.hotcellOnly = quick ? Grid.QUICK_SILU : Grid.FULL_SILU;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean pairedOnly = false;
        Path out = Path.of("target");
        List<Integer> threads = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--paired-only" -> pairedOnly = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--threads" -> threads = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                default -> {
                    System.err.println("usage: Suite [--quick] [--paired-only] [--out DIR] [--threads 1,2];"
                            + " unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (threads == null) {
            threads = quick ? Grid.QUICK_THREADS : Grid.FULL_THREADS;
        }
        Suite suite = new Suite(quick, out, threads);
        System.exit((pairedOnly ? suite.runPairedOnly() : suite.run()) ? 0 : 1);
    }

    private boolean run() throws IOException, RunnerException {
        Files.createDirectories(out.resolve("jmh"));
        double loadBefore = Machine.loadAverage();
        Instant start = Instant.now();
        boolean peers = peersPresent();
        String[] workloadValues = workloads.toArray(String[]::new);
        List<String> hotcell = new ArrayList<>(workloads);
        hotcell.addAll(hotcellOnly);

        run("kernels", options("kernels")
                .include(exact("kernel.FmaPeak.fma"))
                .include(exact("kernel.SimdGemm.multiply"))
                .param("m", quick ? new String[] {"32"} : new String[] {"32", "64"}), 1 + (quick ? 2 : 4));
        // The scalar reference takes seconds per call on the large shapes: fewer iterations.
        run("hotcell-reference", options("hotcell-reference").include(exact("recurrent.ReferenceForward.forward"))
                .param("workload", workloadValues).warmupIterations(1).measurementIterations(3), workloads.size());
        String coreType = machine.openBlasCoreType();
        // Shape by shape, each thread count: ONNX Runtime, Hotcell (forward and training), Deeplearning4j, back
        // to back. This VM's speed drifts by up to 1.5x over minutes; measured in separate halves of the run, a
        // ratio would compare two different machines.
        for (Map.Entry<String, List<String>> shape : Grid.byShape(hotcell).entrySet()) {
            String[] all = shape.getValue().toArray(String[]::new);
            String[] peerWorkloads = shape.getValue().stream().filter(workloads::contains).toArray(String[]::new);
            String[] dl4jWorkloads = Grid.dl4j(List.of(peerWorkloads)).toArray(String[]::new);
            int seconds = Grid.iterationSeconds(shape.getValue());
            for (int t : threads) {
                String part = shape.getKey().replace('/', '-') + "-" + t + "t";
                String threadValue = String.valueOf(t);
                if (peers && peerWorkloads.length > 0) {
                    run(part + "-onnxruntime", options(part + "-onnxruntime", seconds)
                            .include(exact("peers.OrtForward.forward"))
                            .param("workload", peerWorkloads).param("threads", threadValue), peerWorkloads.length);
                }
                run(part + "-hotcell", options(part + "-hotcell", seconds)
                        .include(exact("recurrent.SimdForward.forward"))
                        .include(exact("recurrent.SimdTraining.trainingStep"))
                        .param("workload", all).param("threads", threadValue), 2 * all.length);
                if (peers && dl4jWorkloads.length > 0) {
                    run(part + "-dl4j", options(part + "-dl4j", seconds)
                            .include(exact("peers.Dl4jForward.forward"))
                            .include(exact("peers.Dl4jTraining.trainingStep"))
                            .param("workload", dl4jWorkloads).param("threads", threadValue)
                            .jvm(nativeEnvJvm(t, coreType).toString()), 2 * dl4jWorkloads.length);
                }
            }
        }

        String paired = paired();
        String header = header(peers, coreType, loadBefore, start);
        String report = new ResultTable(measurements, header).render() + paired;
        if (!missing.isEmpty()) {
            report += "Benchmarks without a result (self-check failed or crashed; see the log above): "
                    + String.join(", ", missing) + "\n";
        }
        Files.writeString(out.resolve("results.md"), report);
        System.out.println();
        System.out.println(report);
        System.out.println("Written: " + out.resolve("results.md") + " and JMH JSON in " + out.resolve("jmh"));
        return missing.isEmpty();
    }

    /** Only the paired measurements (no JMH): written to {@code OUT/paired.md}. */
    private boolean runPairedOnly() throws IOException {
        Files.createDirectories(out);
        Instant start = Instant.now();
        String report = "## Hotcell paired measurements\n\n- Machine: " + machine.describe() + "; started " + start
                + "\n" + paired();
        if (!missing.isEmpty()) {
            report += "Paired runs without a result (see the log above): " + String.join(", ", missing) + "\n";
        }
        Files.writeString(out.resolve("paired.md"), report);
        System.out.println();
        System.out.println(report);
        System.out.println("Written: " + out.resolve("paired.md"));
        return missing.isEmpty();
    }

    /**
     * The paired measurements, each pair in its own JVM: each non-standard activation's workload against its tanh
     * twin (forward and training, every thread count, {@link PairedRun}); with the peers, every workload and the
     * GEMM against ONNX Runtime (its MatMul for the GEMM) at 1 thread; every workload's
     * training step against its forward pass at every thread count; the batch-1 layers and products with bf16 and
     * int8 weights against fp32 ones at 1 thread ({@link org.hotcell.bench.paired.WeightsVsFp32}: about 2 minutes;
     * bf16 only with --quick); then issue 20's targets with their worst cases. The table sections, or "" when there
     * are none.
     */
    private String paired() throws IOException {
        double peak = org.hotcell.bench.kernel.FmaPeak.measureGflops(2);
        List<PairedResult> results = new ArrayList<>();
        for (String other : hotcellOnly) {
            String tanh = other.substring(0, other.lastIndexOf('/')) + "/tanh";
            for (String task : List.of("forward", "training")) {
                for (int t : threads) {
                    String label = "paired " + other + " " + task + " " + t + "t";
                    System.out.println("=== " + label);
                    pairedRun(tanh, other, task, t).ifPresentOrElse(results::add, () -> missing.add(label));
                }
            }
        }
        // Against ONNX Runtime at 1 thread over the grid, and at 2 threads over its tanh layers in two ways: with
        // a 50 ms pause before each call (each engine's pool spins after its call and would otherwise take the
        // second core from the other's next call), and with one untimed call of the same engine after that pause
        // (workers just used, as in a stream of calls). The pause alone finds the workers asleep, which on this VM
        // costs either engine more than the second thread gives at batch 1.
        List<PairedResult> againstOrt = new ArrayList<>();
        if (peersPresent() && threads.contains(1)) {
            for (String workload : workloads) {
                String label = "paired onnxruntime " + workload + " forward 1t";
                System.out.println("=== " + label);
                paired(PAIRED_ORT, workload, "1").ifPresentOrElse(againstOrt::add, () -> missing.add(label));
            }
        }
        if (peersPresent() && threads.contains(2)) {
            for (String workload : workloads.stream().filter(w -> w.endsWith("/tanh")).toList()) {
                for (boolean warm : new boolean[] {false, true}) {
                    String label = "paired onnxruntime " + workload + " forward" + (warm ? "-warm" : "") + " 2t";
                    System.out.println("=== " + label);
                    (warm ? paired(PAIRED_ORT, workload, "2", "--warm") : paired(PAIRED_ORT, workload, "2"))
                            .ifPresentOrElse(againstOrt::add, () -> missing.add(label));
                }
            }
        }
        // Each product against ONNX Runtime's MatMul and, in the same rounds, against the FMA peak probe.
        List<PairedResult> gemmAgainstOrt = new ArrayList<>();
        List<PairedResult> gemmAgainstPeak = new ArrayList<>();
        if (peersPresent() && threads.contains(1)) {
            for (String shape : quick ? QUICK_GEMM_SHAPES : GEMM_SHAPES) {
                String label = "paired onnxruntime gemm " + shape + " 1t";
                System.out.println("=== " + label);
                List<PairedResult> got = pairedAll(PAIRED_ORT_GEMM, shape);
                got.stream().filter(r -> r.a().equals("onnxruntime")).forEach(gemmAgainstOrt::add);
                got.stream().filter(PairedTable::isPeakProbe).forEach(gemmAgainstPeak::add);
                if (got.size() != 3) {
                    missing.add(label);
                }
            }
        }
        List<PairedResult> training = new ArrayList<>();
        for (int t : threads) {
            for (String workload : workloads) {
                String label = "paired training " + workload + " " + t + "t";
                System.out.println("=== " + label);
                paired(PairedRun.class.getName(), "--training-vs-forward", workload, String.valueOf(t))
                        .ifPresentOrElse(training::add, () -> missing.add(label));
            }
        }
        List<PairedResult> weights = new ArrayList<>();
        if (threads.contains(1)) {
            for (String storage : quick ? List.of("bf16") : List.of("bf16", "int8")) {
                String label = "paired weights " + storage + " vs fp32 1t";
                System.out.println("=== " + label);
                List<PairedResult> got = pairedAll(PairedRun.class.getName(), "--weights-vs-fp32", storage, "1", "2",
                        "5");
                if (got.isEmpty()) {
                    missing.add(label);
                }
                weights.addAll(got);
            }
        }
        return String.format(Locale.ROOT, "%nFP32 FMA peak, 1 core (measured in this JVM, %s vectors): %.1f GFLOP/s%n",
                org.hotcell.bench.kernel.FmaPeak.width(), peak)
                + PairedTable.render(results) + PairedTable.renderAgainstOnnxRuntime(againstOrt)
                + PairedTable.renderGemmAgainstOnnxRuntime(gemmAgainstOrt, gemmAgainstPeak, peak)
                + PairedTable.renderTrainingAgainstForward(training)
                + PairedTable.renderWeightsAgainstFp32(weights)
                + PairedTable.renderTargets(againstOrt, gemmAgainstPeak, training);
    }

    private Optional<PairedResult> pairedRun(String a, String b, String task, int threadCount) throws IOException {
        return paired(PairedRun.class.getName(), a, b, task, String.valueOf(threadCount));
    }

    /** Runs a paired main class in its own JVM on this class path and reads its result line. */
    private static Optional<PairedResult> paired(String mainClass, String... args) throws IOException {
        List<PairedResult> results = pairedAll(mainClass, args);
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
    }

    /** Runs a paired main class in its own JVM and reads all its result lines; none when it failed. */
    private static List<PairedResult> pairedAll(String mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Xmx4g", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<PairedResult> results = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (PairedResult.isResultLine(line)) {
                    results.add(PairedResult.parse(line));
                }
                System.out.println(line);
            }
        }
        try {
            int status = process.waitFor();
            return status == 0 ? results : List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return List.of();
        }
    }

    private String header(boolean peers, String coreType, double loadBefore, Instant start) {
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
        return String.join("\n",
                "## Hotcell benchmark suite" + (quick ? " (--quick subset)" : ""),
                "",
                "- Machine: " + machine.describe() + "; " + java + "; Vector API "
                        + org.hotcell.bench.kernel.FmaPeak.width(),
                "- Started " + start + "; load average (1 min) " + String.format(Locale.ROOT, "%.2f", loadBefore)
                        + " before, " + String.format(Locale.ROOT, "%.2f", Machine.loadAverage()) + " after",
                "- Order: for each shape and thread count, ONNX Runtime, then Hotcell forward and training, then"
                        + " Deeplearning4j, back to back (ratios compare forks minutes apart, not halves of the run)",
                "- JMH: 1 fork, " + warmups() + " warm-up and " + iterations() + " measurement iterations of 1 s"
                        + " (4 s for shapes whose training step is over 20 GFLOP; reference: 1 + 3), sample-time"
                        + " mode; times are medians of single calls",
                peers ? "- ONNX Runtime: one LSTM/GRU node with Hotcell's weights; intra-op threads = Hotcell's,"
                        + " inter-op 1, sequential execution"
                        : "- Peers not compiled (build with -Ppeers): ONNX Runtime and Deeplearning4j columns empty",
                peers ? "- Deeplearning4j 1.0.0-M2.1 on nd4j-native (OpenBLAS 0.3.19), forks run with OPENBLAS_CORETYPE="
                        + (coreType.isEmpty() ? "(unset)" : coreType) + " (chosen for this CPU: "
                        + (coreType.equals("SkylakeX") ? "AVX-512" : "no AVX-512, so not SkylakeX")
                        + "), OMP_WAIT_POLICY=PASSIVE, OMP_NUM_THREADS = threads; LSTM only (no GRU layer in DL4J)" : "",
                "- Ratios are median times, Hotcell SIMD / peer: below 1 means Hotcell is faster");
    }

    private int warmups() {
        return 2;
    }

    private int iterations() {
        return 3;
    }

    private ChainedOptionsBuilder options(String part) {
        return options(part, 1);
    }

    private ChainedOptionsBuilder options(String part, int iterationSeconds) {
        return new OptionsBuilder()
                .forks(1)
                .warmupIterations(warmups()).warmupTime(TimeValue.seconds(iterationSeconds))
                .measurementIterations(iterations()).measurementTime(TimeValue.seconds(iterationSeconds))
                .jvmArgsAppend("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx6g")
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh").resolve(part + ".json").toString());
    }

    private void run(String part, ChainedOptionsBuilder options, int expected) throws RunnerException {
        System.out.println("=== " + part);
        Collection<RunResult> results = runWhenJmhIsFree(options);
        int found = 0;
        for (RunResult result : results) {
            var measurement = FromJmh.of(result);
            if (measurement.isPresent()) {
                measurements.add(measurement.get());
                found++;
            }
        }
        if (found < expected) {
            missing.add(part + " (" + (expected - found) + " of " + expected + ")");
        }
    }

    /**
     * Runs JMH, waiting while another JMH run on this machine holds JMH's lock (two runs at once would spoil
     * each other's numbers, and JMH refuses to start).
     */
    private static Collection<RunResult> runWhenJmhIsFree(ChainedOptionsBuilder options) throws RunnerException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        while (true) {
            try {
                return new Runner(options.build()).run();
            } catch (RunnerException e) {
                boolean locked = String.valueOf(e.getMessage()).contains("JMH lock");
                if (!locked || System.nanoTime() > deadline) {
                    throw e;
                }
                System.out.println("(another JMH run holds /tmp/jmh.lock; waiting)");
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * A launcher for this JVM that first sets the native libraries' environment: JMH forks with the
     * environment of the launching process, and a JVM cannot change its own.
     */
    private Path nativeEnvJvm(int threadCount, String coreType) throws IOException {
        Path script = out.resolve("java-omp" + threadCount + ".sh").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String text = "#!/bin/sh\n"
                + "# Written by org.hotcell.bench.Suite: the environment of Deeplearning4j's forks.\n"
                + (coreType.isEmpty() ? "" : "export OPENBLAS_CORETYPE=" + coreType + "\n")
                + "export OMP_WAIT_POLICY=PASSIVE\n"
                // OpenBLAS then names the core it chose in the log ("Core: Zen"): proof the setting took.
                + "export OPENBLAS_VERBOSE=2\n"
                + "export OMP_NUM_THREADS=" + threadCount + "\n"
                + "exec '" + java + "' \"$@\"\n";
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String exact(String benchmark) {
        return "^" + Pattern.quote("org.hotcell.bench." + benchmark) + "$";
    }

    private static boolean peersPresent() {
        try {
            for (String probe : PEER_PROBES) {
                Class.forName(probe, false, Suite.class.getClassLoader());
            }
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
