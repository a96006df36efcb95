package org.hotcell.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.net.Model;
import org.hotcell.model.task.Task;
import org.hotcell.model.train.DataChecks;
import org.hotcell.model.train.Evaluation;
import org.hotcell.model.train.Trainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hotcell evaluate}: loads a saved model (checking its cell types and activations against the installed
 * plugins) and scores it on a task's test set; with the seed and size used by {@code train}, on the very same
 * sequences. The last line on stdout is {@code test_mse=<value>}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Loads a saved model and scores it on a built-in task's test set.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "a directory written by train --save")
    Path modelDirectory;

    @Mixin
    private TaskOptions task = new TaskOptions();

    @Mixin
    private BackendOption backend = new BackendOption();

    @Mixin
    private WeightsOption weights = new WeightsOption();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        task.checkLength();
        task.checkTestSize();
        weights.storage();
        PluginRegistry registry = PluginRegistry.discover();
        Model model = ModelFiles.load(modelDirectory, registry);
        Task chosen = task.create();
        ShapeMismatchException.check("model input size for task " + chosen.name(), model.spec().inputSize(),
                chosen.inputSize());
        ShapeMismatchException.check("model output size for task " + chosen.name(), model.spec().head().outputs(),
                chosen.outputSize());
        Backend computing = weights.apply(backend.resolve(registry));
        var test = Trainer.testSet(chosen, task.seed(), task.testSize());
        DataChecks.requireFinite(test, "test set");
        Evaluation evaluation = new Trainer(registry, computing).evaluate(model, chosen.loss(), test,
                chosen.reportsAccuracy());
        out.println("model:     " + modelDirectory + ", " + model.parameters().scalarCount() + " parameters");
        out.println("task:      " + chosen.describe());
        out.println("test:      loss " + evaluation.loss() + " over " + evaluation.rows() + " scored rows");
        if (chosen.reportsAccuracy()) {
            out.println("test_accuracy=" + evaluation.accuracy());
        }
        out.println("test_mse=" + evaluation.mse());
        out.flush();
        return 0;
    }
}
