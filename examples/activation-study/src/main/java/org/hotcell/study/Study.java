package org.hotcell.study;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.UnknownActivationException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.model.task.Tasks;
import org.hotcell.study.internal.plugin.PluginJars;
import org.hotcell.study.internal.report.Report;
import org.hotcell.study.internal.report.Summary;
import org.hotcell.study.internal.run.ProgressBars;
import org.hotcell.study.internal.run.StudyRunner;

/**
 * Runs the activation study and writes its report. {@link #run(StudyRequest, PrintStream, PrintStream)} is what
 * {@code hotcell study} calls: it finds the installed plugins, adds those in {@code --plugins DIR}, turns the
 * request into a {@link StudyPlan}, runs it over the cores and writes the report.
 */
public final class Study {
    private Study() {
    }

    /**
     * Runs what the request asks for.
     *
     * @param out hears the plan, the summary and where the report is
     * @param err shows the progress bars
     * @throws InvalidSpecException (or a subclass naming the known values) for an unknown task, cell or activation
     */
    public static StudyOutcome run(StudyRequest request, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        PluginRegistry registry = PluginRegistry.discover();
        List<String> pluginActivations = request.plugins() == null ? List.of()
                : PluginJars.load(request.plugins(), registry);
        if (request.plugins() != null) {
            out.println("plugins:  " + (pluginActivations.isEmpty() ? "no activation" : String.join(", ",
                    pluginActivations)) + " from " + request.plugins());
        }
        StudyPlan plan = plan(request, registry, pluginActivations);
        int threads = request.threads() > 0 ? request.threads() : Runtime.getRuntime().availableProcessors();
        return run(plan, registry, request.out(), threads, out, err);
    }

    /**
     * Runs a plan and writes the report into {@code dir}.
     *
     * @param err shows the progress bars, or null for none
     */
    public static StudyOutcome run(StudyPlan plan, Registry registry, Path dir, int threads, PrintStream out,
                                   PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        // Each run computes single-threaded; the cores are shared out by running several runs at once.
        Backend backend = registry.defaultBackend().withThreads(1);
        List<RunSpec> runs = plan.runs();
        List<String> taskNames = plan.tasks().stream().map(TaskSetting::task).toList();
        out.println(String.format(Locale.ROOT, "study:    %d runs = tasks %s x cells %s x gates %s x candidates %s "
                        + "x seeds %s, on %d threads", runs.size(), taskNames, plan.cells(), plan.gates(),
                plan.candidates(), plan.seeds(), threads));
        for (TaskSetting task : plan.tasks()) {
            out.println("task:     " + task.describe());
        }
        out.flush();
        long start = System.nanoTime();
        List<RunResult> results = new StudyRunner(registry, backend, threads)
                .run(plan, err == null ? null : new ProgressBars(err, threads, runs.size()));
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> how = List.of(
                String.format(Locale.ROOT, "%d runs: tasks %s x cells %s x gates %s x candidates %s x seeds %s",
                        runs.size(), taskNames, plan.cells(), plan.gates(), plan.candidates(), plan.seeds()),
                "One layer, Adam, " + (plan.clip() > 0 ? "gradient-norm clipping at " + plan.clip()
                        : "no gradient clipping") + ", full backpropagation through time; "
                        + "backend " + backend.describe() + ", one per run",
                String.format(Locale.ROOT, "%d threads, %s wall clock (Java %s, %d processors)", threads,
                        ProgressBars.duration(seconds), Runtime.version(), Runtime.getRuntime().availableProcessors()),
                "Rerun: ./hotcell study (quick grid) or ./hotcell study --full; the same seeds give the same numbers");
        Path index = Report.write(dir, plan, results, how);
        List<String> summary = Summary.sentences(results);
        out.println();
        for (String sentence : summary) {
            out.println("- " + sentence);
        }
        out.println();
        out.println(String.format(Locale.ROOT, "time:     %s for %d runs", ProgressBars.duration(seconds),
                runs.size()));
        out.println("report:   " + index.toAbsolutePath());
        out.flush();
        return new StudyOutcome(plan, results, summary, index, seconds);
    }

    /**
     * The plan a request asks for: the preset (quick or full) narrowed to the chosen tasks, cells, gates,
     * candidates and seeds, with plugin activations added to the preset's candidates.
     *
     * @throws InvalidSpecException (or a subclass naming the known values) for an unknown task, cell or activation
     */
    public static StudyPlan plan(StudyRequest request, Registry registry, List<String> pluginActivations) {
        StudyPlan preset = request.full() ? Presets.full() : Presets.quick();
        List<TaskSetting> tasks = new ArrayList<>();
        for (TaskSetting setting : preset.tasks()) {
            if (chosen(request.tasks()) && !request.tasks().contains(setting.task())) {
                continue;
            }
            tasks.add(request.steps() == null ? setting : setting.withSteps(request.steps()));
        }
        if (chosen(request.tasks())) {
            for (String task : request.tasks()) {
                if (!Tasks.NAMES.contains(task)) {
                    throw new InvalidSpecException("--tasks: unknown task '" + task + "'; known: "
                            + String.join(", ", Tasks.NAMES));
                }
            }
        }
        List<String> cells = chosen(request.cells()) ? request.cells() : preset.cells();
        for (String cell : cells) {
            CellType type = registry.cellType(cell);
            if (type.role("gate").isEmpty() || type.role("candidate").isEmpty()) {
                throw new InvalidSpecException("--cells: cell type '" + cell + "' has no gate and candidate roles "
                        + "to study; its roles are " + type.roles().stream().map(r -> r.name()).toList());
            }
        }
        List<String> gates = chosen(request.gates()) ? request.gates() : preset.gates();
        LinkedHashSet<String> candidates = new LinkedHashSet<>();
        if (chosen(request.candidates())) {
            candidates.addAll(request.candidates());
        } else {
            candidates.addAll(preset.candidates());
            candidates.addAll(pluginActivations);
        }
        for (String name : gates) {
            requireActivation(registry, name, "--gates");
        }
        for (String name : candidates) {
            requireActivation(registry, name, "--candidates");
        }
        List<Long> seeds = chosen(request.seeds()) ? request.seeds() : preset.seeds();
        double clip = request.clip() == null ? preset.clip() : request.clip();
        if (!(clip >= 0) || Double.isInfinite(clip)) {
            throw new InvalidSpecException("--clip: the gradient-norm clipping bound must be a finite number >= 0 "
                    + "(0 for none), got " + clip);
        }
        return new StudyPlan(tasks, cells, gates, List.copyOf(candidates), seeds, clip);
    }

    private static boolean chosen(List<?> values) {
        return values != null && !values.isEmpty();
    }

    private static void requireActivation(Registry registry, String text, String option) {
        ActivationSpec spec;
        try {
            spec = ActivationSpec.parse(text);
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(option + ": '" + text + "' is not an activation spec: " + e.getMessage());
        }
        if (registry.activationFactory(spec.name()).isEmpty()) {
            throw new UnknownActivationException(spec.name(), registry.activationNames());
        }
        // Parameter values are checked now, not in the middle of the grid.
        registry.canonical(spec);
    }
}
