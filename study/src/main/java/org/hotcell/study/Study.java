package org.hotcell.study;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.UnknownActivationException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.study.cluster.RunCluster;
import org.hotcell.study.internal.claims.Budget;
import org.hotcell.study.internal.claims.Claim;
import org.hotcell.study.internal.claims.Claims;
import org.hotcell.study.internal.claims.Evidence;
import org.hotcell.study.internal.claims.Timings;
import org.hotcell.study.internal.plugin.PluginJars;
import org.hotcell.study.internal.report.Report;
import org.hotcell.study.internal.run.ProgressBars;
import org.hotcell.study.internal.run.StudyRunner;
import org.hotcell.study.internal.claims.ClaimTimings;

/**
 * Runs the activation study and writes its report. {@link #run(StudyRequest, PrintStream, PrintStream)} is what
 * {@code hotcell study} calls: it finds the installed plugins (and those in {@code --plugins DIR}), turns the
 * claims asked for into their distinct configurations x seeds, runs them over the cores (or on a cluster), times
 * the activations when claim 8 is asked for, judges every claim and writes the report.
 */
public final class Study {
    private Study() {
    }

    /**
     * Runs what the request asks for.
     *
     * @param out hears the plan, the claims table and where the report is
     * @param err shows the progress, or null for none
     * @throws InvalidSpecException (or a subclass naming the known values) for an unknown claim or activation, a
     *                              bad count, or a master no cluster runner serves
     */
    public static StudyOutcome run(StudyRequest request, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        long start = System.nanoTime();
        PluginRegistry registry = PluginRegistry.discover();
        List<String> pluginActivations = request.plugins() == null ? List.of()
                : PluginJars.load(request.plugins(), registry);
        if (request.plugins() != null) {
            out.println("plugins:  " + (pluginActivations.isEmpty() ? "no activation" : String.join(", ",
                    pluginActivations)) + " from " + request.plugins());
        }
        Budget budget = budget(request, pluginActivations);
        List<Claim> claims = Claims.select(request.claims());
        List<RunConfig> configs = Claims.configurations(claims, budget);
        for (RunConfig config : configs) {
            requireActivations(registry, config);
        }
        List<RunSpec> runs = new ArrayList<>();
        for (RunConfig config : configs) {
            for (long seed : budget.seeds()) {
                runs.add(new RunSpec(config, seed));
            }
        }
        int threads = request.threads() > 0 ? request.threads() : Runtime.getRuntime().availableProcessors();
        out.println(String.format(Locale.ROOT, "study:    claims %s: %d configurations x %d seeds = %d runs, %s",
                claims.stream().map(Claim::number).toList(), configs.size(), budget.seeds().size(), runs.size(),
                request.spark() == null ? "on " + threads + " threads" : "on Spark " + request.spark()));
        out.println("budget:   " + budget.adding().describe());
        out.flush();
        List<RunResult> results = execute(request, registry, runs, threads, err);
        Timings timings = null;
        if (Claims.needTimings(claims)) {
            out.println("timing:   activation kernels and training steps (claim 8), in this process");
            out.flush();
            timings = ClaimTimings.measure(registry, Claims.timed().get(0), Claims.timed().get(1));
        }
        Map<RunConfig, List<RunResult>> byConfig = new LinkedHashMap<>();
        for (RunResult result : results) {
            byConfig.computeIfAbsent(result.config(), c -> new ArrayList<>()).add(result);
        }
        Evidence evidence = new Evidence(byConfig, timings);
        List<Claim.Judgement> judgements = new ArrayList<>();
        for (Claim claim : claims) {
            judgements.add(claim.judge(evidence, budget));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Backend backend = registry.defaultBackend().withThreads(1);
        String check = budgetCheck(byConfig.get(budget.base()), budget);
        List<String> how = List.of(check,
                String.format(Locale.ROOT, "%d configurations x %d seeds = %d runs; every run: one recurrent layer "
                        + "and a dense head, %s", configs.size(), budget.seeds().size(), runs.size(),
                        budget.adding().describe()),
                "Recipes: Adam 0.01 with gradient-norm clipping at 1, stopping once solved, unless a claim says "
                        + "otherwise (claim 4 sweeps learning rates without clipping over the whole budget)",
                String.format(Locale.ROOT, "%s, backend %s (one thread per run), %s wall clock, Java %s, %d "
                                + "processors", request.spark() == null ? threads + " threads" : "Spark "
                                + request.spark(), backend.describe(), ProgressBars.duration(seconds),
                        Runtime.version(), Runtime.getRuntime().availableProcessors()),
                "Rerun: ./hotcell study (or --claims N for one claim); the same seeds give the same results.csv");
        Path index = Report.write(request.out() == null ? Path.of("study-report") : request.out(), judgements,
                results, Claims.names(claims, budget), how);
        List<ClaimFinding> findings = judgements.stream().map(Claim.Judgement::finding).toList();
        out.println();
        for (ClaimFinding finding : findings) {
            out.println(String.format(Locale.ROOT, "claim %d  %-12s %s", finding.number(),
                    finding.verdict().text(), finding.claim()));
            out.println("         " + finding.effect());
        }
        out.println();
        out.println("budget:   " + check);
        out.println(String.format(Locale.ROOT, "time:     %s for %d runs", ProgressBars.duration(seconds),
                runs.size()));
        out.println("report:   " + index.toAbsolutePath());
        out.flush();
        return new StudyOutcome(findings, results, index, seconds);
    }

    /**
     * Whether the budget is fair to the standard LSTM: how many seeds of it solved adding at T = 50, and how fast.
     * A budget it cannot solve in would make every "tanh is better" claim fail for the wrong reason.
     */
    static String budgetCheck(List<RunResult> base, Budget budget) {
        if (base == null) {
            return "the standard LSTM was not among these claims' runs, so the budget of " + budget.adding().steps()
                    + " steps is not checked here (claims 1, 2, 3, 5, 6, 7 and 9 run it)";
        }
        long solved = base.stream().filter(RunResult::solved).count();
        int[] steps = base.stream().filter(RunResult::solved).mapToInt(RunResult::solvedStep).sorted().toArray();
        return String.format(Locale.ROOT, "every configuration gets the same budget, up to %d steps; the standard "
                        + "LSTM (sigmoid gates, tanh candidate and output) solved adding at T=%d in %d of %d seeds%s",
                budget.adding().steps(), budget.adding().length(), solved, base.size(), steps.length == 0 ? ""
                        : String.format(Locale.ROOT, " (steps %d to %d)", steps[0], steps[steps.length - 1]));
    }

    private static List<RunResult> execute(StudyRequest request, Registry registry, List<RunSpec> runs,
                                           int threads, PrintStream err) {
        if (request.spark() == null) {
            Backend backend = registry.defaultBackend().withThreads(1);
            return new StudyRunner(registry, backend, threads).run(runs, err == null ? null
                    : new ProgressBars(err, threads, runs.size(), System.console() != null));
        }
        List<java.nio.file.Path> jars = request.plugins() == null ? List.of() : PluginJars.jars(request.plugins());
        for (RunCluster cluster : ServiceLoader.load(RunCluster.class)) {
            if (cluster.serves(request.spark())) {
                return cluster.runAll(request.spark(), runs, jars, done -> {
                    if (err != null) {
                        err.println("study: " + done + "/" + runs.size() + " runs finished on " + request.spark());
                    }
                });
            }
        }
        throw new InvalidSpecException("--spark " + request.spark() + ": no cluster runner serves this master; "
                + "the Spark runner (study-spark) must be on the class path, which ./hotcell study --spark "
                + "arranges, and the master must look like local[N] or spark://host:port");
    }

    private static Budget budget(StudyRequest request, List<String> pluginActivations) {
        Budget preset = request.full() ? Budget.full() : Budget.quick();
        List<Long> seeds = preset.seeds();
        if (request.seeds() != null) {
            if (request.seeds() < 1) {
                throw new InvalidSpecException("--seeds must be at least 1, got " + request.seeds());
            }
            seeds = Budget.seeds(request.seeds());
        }
        if (request.steps() != null && request.steps() < 1) {
            throw new InvalidSpecException("--steps must be at least 1, got " + request.steps());
        }
        LinkedHashSet<String> candidates = new LinkedHashSet<>(preset.candidates());
        if (request.candidates() != null) {
            candidates.addAll(request.candidates());
        }
        candidates.addAll(pluginActivations);
        return preset.with(seeds, request.steps(), List.copyOf(candidates));
    }

    private static void requireActivations(Registry registry, RunConfig config) {
        registry.cellType(config.cell());
        requireActivation(registry, config.gate(), "gate of " + config.label());
        requireActivation(registry, config.candidate(), "candidate of " + config.label());
        if (!config.output().isEmpty()) {
            requireActivation(registry, config.output(), "output of " + config.label());
        }
    }

    private static void requireActivation(Registry registry, String text, String where) {
        ActivationSpec spec;
        try {
            spec = ActivationSpec.parse(text);
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException("'" + text + "' (" + where + ") is not an activation spec: "
                    + e.getMessage());
        }
        if (registry.activationFactory(spec.name()).isEmpty()) {
            throw new UnknownActivationException(spec.name(), registry.activationNames());
        }
        // Parameter values are checked now, not in the middle of the study.
        registry.canonical(spec);
    }
}
