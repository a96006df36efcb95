package org.hotcell.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code hotcell} command; each job is a subcommand in its own class. */
@Command(name = "hotcell",
        mixinStandardHelpOptions = true,
        versionProvider = HotcellCommand.Version.class,
        description = {
                "Recurrent cells (LSTM, GRU, RNN) whose every gate, candidate and output function is a plugin.",
                "Try sigmoid, tanh, ReLU or your own function in any role, and measure what it does."
        },
        subcommands = {
                CommandLine.HelpCommand.class,
                BackendsCommand.class,
                BenchCommand.class,
                ActivationsCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                OnnxCommand.class,
                StudyCommand.class,
                RunCommand.class
        })
public final class HotcellCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = HotcellCommand.class.getResourceAsStream("/hotcell-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {
                    "hotcell " + properties.getProperty("version", "unknown"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")",
                    "Vector API: " + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                            ? "present" : "absent (run with --add-modules jdk.incubator.vector)")
            };
        }
    }
}
