package org.hotcell.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.npy.Npy;
import org.hotcell.onnx.proto.ValueInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hotcell onnx ...}: ONNX models of LSTM, GRU and RNN nodes. */
@Command(name = "onnx", mixinStandardHelpOptions = true,
        description = "Runs ONNX models of LSTM, GRU and RNN nodes on Hotcell's cells.",
        subcommands = OnnxCommand.Run.class)
final class OnnxCommand implements Runnable {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code hotcell onnx run MODEL.onnx --inputs DIR --outputs DIR}: feeds each graph input that is not an
     * initializer from {@code DIR/<input name>.npy} (an input without a file is left empty, which is fine where
     * the model treats it as optional), runs the graph on the installed cell and activation plugins, and writes
     * each graph output to {@code DIR/<output name>.npy} as float32 in C order.
     */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs an ONNX model on .npy inputs and writes its outputs as .npy files.",
                    "Reads <inputs>/<name>.npy for each graph input that is not an initializer; writes",
                    "<outputs>/<name>.npy (float32, C order) for each graph output."})
    static final class Run implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "MODEL.onnx", description = "the model file")
        Path model;

        @Option(names = "--inputs", required = true, paramLabel = "DIR", description = "folder of <input>.npy files")
        Path inputs;

        @Option(names = "--outputs", required = true, paramLabel = "DIR",
                description = "folder for <output>.npy files (created if missing)")
        Path outputs;

        @Override
        public Integer call() throws Exception {
            // Hotcell's errors propagate to Main, which prints their message and code and exits with 1.
            OnnxModel onnx = OnnxModel.load(model);
            Map<String, Tensor> feeds = new LinkedHashMap<>();
            for (ValueInfo input : onnx.inputs()) {
                Path file = inputs.resolve(input.name() + ".npy");
                if (Files.isRegularFile(file)) {
                    feeds.put(input.name(), Npy.read(file));
                }
            }
            Map<String, Tensor> results = onnx.run(feeds, PluginRegistry.discover());
            Files.createDirectories(outputs);
            for (Map.Entry<String, Tensor> result : results.entrySet()) {
                Npy.write(outputs.resolve(result.getKey() + ".npy"), result.getValue().as(ElementType.FLOAT));
            }
            return 0;
        }
    }
}
