package org.hotcell.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hotcell.layers.MergeMode;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.net.Model;
import org.hotcell.model.onnx.OnnxExport;
import org.hotcell.model.optim.Adam;
import org.hotcell.model.optim.Optimizer;
import org.hotcell.model.optim.SgdMomentum;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSize;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.task.Task;
import org.hotcell.model.train.Trainer;
import org.hotcell.model.train.TrainingConfig;
import org.hotcell.model.train.TrainingListener;
import org.hotcell.model.train.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hotcell train}: trains a recurrent model on a built-in task and reports its test error. The last line
 * on stdout is always {@code test_mse=<value>} (for the copy task, the Brier score of the predicted
 * distributions over the recall steps); a progress bar goes to stderr.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains stacked recurrent layers with a dense head on a built-in task.",
                "Roles take activation specs such as tanh or leaky_relu(alpha=0.1)."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private TaskOptions task = new TaskOptions();

    @Mixin
    private CellChoice cell = new CellChoice();

    @Option(names = "--hidden", defaultValue = "64", description = "units per layer and direction (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--layers", defaultValue = "1", description = "stacked recurrent layers (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--direction", defaultValue = "forward",
            description = "forward, reverse or bidirectional (default: ${DEFAULT-VALUE})")
    String direction;

    @Option(names = "--merge", defaultValue = "concat", description = "bidirectional merge: concat, sum, mean or mul (default: ${DEFAULT-VALUE})")
    String merge;

    @Option(names = "--activation", description = "activation of a simple RNN; default tanh")
    String activation;

    @Option(names = "--role", description = "any role of the cell type, e.g. --role forget_gate=hard_sigmoid (repeatable)")
    Map<String, String> roles = new LinkedHashMap<>();

    @Option(names = "--peepholes", description = "LSTM peephole connections")
    boolean peepholes;

    @Option(names = "--steps", defaultValue = "3000", description = "optimizer steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "32", description = "sequences per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.01", description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--clip", defaultValue = "1.0", description = "gradient-norm clipping, 0 for none (default: ${DEFAULT-VALUE})")
    double clip;

    @Option(names = "--bptt", description = "truncated BPTT in windows of this many steps (default: full BPTT)")
    Integer bptt;

    @Mixin
    private ComputeOptions compute = new ComputeOptions();

    @Option(names = "--workers", defaultValue = "1",
            description = "threads that each take a share of every batch (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--save", description = "save the trained model to this directory (model.json + weights.safetensors)")
    Path save;

    @Option(names = "--onnx", description = "also export the trained model as ONNX to this file (checked before training)")
    Path onnx;

    @Mixin
    private QuietOption quiet = new QuietOption();

    @Option(names = "--log", description = "write every step's diagnostics to this CSV file "
            + "(step, loss, gradient norm, per-layer norms, max |h|, max |c|)")
    Path log;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        checkCounts();
        PluginRegistry registry = PluginRegistry.discover();
        Task chosen = task.create();
        ModelSpec modelSpec = modelSpec(chosen, registry.cellType(cell.name()));
        // Before any weight or batch is allocated: what training keeps must fit this JVM. (T is --length: the copy
        // task's sequences are a few steps longer, which the spare copy in TRAINING_COPIES covers.)
        int length = task.length();
        long kept = ModelSize.trainingActivations(modelSpec, registry::cellType, length, (long) batch * workers)
                + (long) task.testSize() * length * (chosen.inputSize() + chosen.outputSize()) * Float.BYTES;
        ModelSize.check(modelSpec, registry::cellType, ModelSize.TRAINING_COPIES, kept, l -> "--hidden");
        Backend computing = compute.resolve(registry);
        long seed = task.seed();
        Model model = Model.initialize(modelSpec, registry::cellType, seed);
        ModelFiles.checkPlugins(modelSpec, registry);
        if (onnx != null) {
            // Fail before training, not after, when ONNX cannot express the model.
            OnnxExport.export(model, registry);
        }
        Optimizer method = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "adam" -> new Adam(learningRate);
            case "sgd" -> new SgdMomentum(learningRate, momentum);
            default -> throw new InvalidSpecException("optimizer '" + optimizer + "' is not one of adam, sgd");
        };
        int window = bptt == null ? 0 : bptt;
        TrainingConfig config = new TrainingConfig(steps, batch, seed, clip, window, task.testSize(), workers);
        out.println("task:      " + chosen.describe());
        out.println("model:     " + describe(modelSpec, registry.cellType(cell.name())) + ", "
                + model.parameters().scalarCount() + " parameters");
        out.println("training:  " + steps + " steps of " + batch + ", " + method.describe() + ", clip " + clip
                + (window > 0 ? ", truncated BPTT window " + window : ", full BPTT") + ", seed " + seed
                + (workers > 1 ? ", " + workers + " workers" : ""));
        out.println("backend:   " + computing.describe());
        out.flush();
        Trainer trainer = new Trainer(registry, computing);
        long start = System.nanoTime();
        PrintStream err = quiet.progress();
        TrainingListener listener = err == null ? null : new TrainProgress(err);
        TrainingResult result;
        try (StepLog stepLog = log == null ? null : new StepLog(log)) {
            TrainingListener progress = listener;
            result = trainer.train(model, chosen, config, method, stepLog == null ? progress : (report, total) -> {
                stepLog.write(report);
                if (progress != null) {
                    progress.onStep(report, total);
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var last = result.history().get(result.history().size() - 1);
        out.println(String.format(Locale.ROOT, "time:      %.1f s (%.1f steps/s); %s", seconds, steps / seconds,
                result.timings().describe()));
        out.println(String.format(Locale.ROOT, "last step: loss %.6g, |grad| %.4g, max|h| %.4g, max|c| %.4g",
                last.loss(), last.gradientNorm(), last.maxAbsH(), last.maxAbsC()));
        out.println(String.format(Locale.ROOT, "test:      loss %.6g before training, %.6g after",
                result.before().loss(), result.test().loss()));
        if (save != null) {
            ModelFiles.save(result.model(), save);
            out.println("saved:     " + save);
        }
        if (onnx != null) {
            Files.write(onnx, OnnxExport.export(result.model(), registry));
            out.println("onnx:      " + onnx);
        }
        if (chosen.reportsAccuracy()) {
            out.println("test_accuracy=" + result.test().accuracy());
        }
        out.println("test_mse=" + result.test().mse());
        out.flush();
        return 0;
    }

    /** Every count a flag sets is at least 1; {@code --bptt}, when given, too (leave it out for full BPTT). */
    private void checkCounts() {
        task.checkLength();
        Flags.requirePositive("--hidden", hidden);
        Flags.requirePositive("--layers", layers);
        Flags.requirePositive("--steps", steps);
        Flags.requirePositive("--batch", batch);
        task.checkTestSize();
        compute.check();
        Flags.requirePositive("--workers", workers);
        if (bptt != null) {
            Flags.requirePositive("--bptt (leave it out for full BPTT)", bptt);
        }
    }

    private ModelSpec modelSpec(Task chosen, CellType type) {
        Map<String, ActivationSpec> activations = new LinkedHashMap<>();
        for (String role : List.of("gate", "candidate", "output")) {
            putRole(activations, type, role, cell.activation(role), "--" + role);
        }
        putRole(activations, type, "activation", activation, "--activation");
        roles.forEach((role, text) -> putRole(activations, type, role, text, "--role " + role));
        CellOptions options = new CellOptions(true, peepholes, false, Float.POSITIVE_INFINITY, false);
        Direction dir = Direction.parse(direction);
        MergeMode mergeMode = MergeMode.parse(merge);
        List<LayerSpec> stack = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            stack.add(new LayerSpec(type.name(), hidden, activations, options, dir, mergeMode));
        }
        return new ModelSpec(chosen.inputSize(), stack, new HeadSpec(chosen.outputSize(), chosen.readout()));
    }

    private static void putRole(Map<String, ActivationSpec> activations, CellType type, String role, String text,
                                String option) {
        if (text == null) {
            return;
        }
        Flags.requireRole(option + ": ", type, role);
        activations.put(role, ActivationSpec.parse(text));
    }

    private static String describe(ModelSpec modelSpec, CellType type) {
        LayerSpec layer = modelSpec.layers().get(0);
        var cellSpec = layer.cellSpec(modelSpec.inputSize());
        StringBuilder text = new StringBuilder().append(modelSpec.layers().size()).append(" x ").append(type.name())
                .append(" (").append(layer.direction().name().toLowerCase(Locale.ROOT)).append(", hidden ")
                .append(layer.hiddenSize()).append(";");
        for (var role : type.roles()) {
            text.append(' ').append(role.name()).append('=').append(type.activationFor(cellSpec, role.name()));
        }
        return text.append(") + dense ").append(modelSpec.head().outputs()).append(" (")
                .append(modelSpec.head().readout().text()).append(")").toString();
    }
}
