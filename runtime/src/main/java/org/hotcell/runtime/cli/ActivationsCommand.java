package org.hotcell.runtime.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotcell activations}: every installed activation with its parameters and the properties the
 * question "sigmoid for gates, tanh for the candidate, or ReLU?" turns on, side by side; {@code --json} for
 * the same as data. Properties are those of the default parameters.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = {"List the installed activations: parameters with defaults, output range, bounded,",
                "monotonic, zero-centred, saturating, smooth (properties at the default parameters)."},
        subcommands = ActivationsEvalCommand.class)
public final class ActivationsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of objects instead of a table.")
    private boolean json;

    /** One table row: an activation at its defaults. */
    record Row(String name, List<ActivationParameter> parameters, ActivationProperties properties, String formula) {
        String parametersText() {
            List<String> parts = new ArrayList<>();
            for (ActivationParameter p : parameters) {
                parts.add(p.name() + "=" + p.defaultValue().text());
            }
            return String.join(", ", parts);
        }
    }

    @Override
    public void run() {
        List<Row> rows = rows(PluginRegistry.discover());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ActivationsJson.write(rows));
        } else {
            printTable(out, rows);
        }
        out.flush();
    }

    static List<Row> rows(Registry registry) {
        List<Row> rows = new ArrayList<>();
        for (String name : registry.activationNames()) {
            ActivationFactory factory = registry.activationFactory(name).orElseThrow();
            Activation activation = registry.activation(ActivationSpec.of(name));
            rows.add(new Row(name, factory.parameters(name), activation.properties(), factory.describe(name)));
        }
        return rows;
    }

    private static void printTable(PrintWriter out, List<Row> rows) {
        int nameWidth = "name".length();
        int parameterWidth = "parameters".length();
        int rangeWidth = "range".length();
        for (Row row : rows) {
            nameWidth = Math.max(nameWidth, row.name().length());
            parameterWidth = Math.max(parameterWidth, row.parametersText().length());
            rangeWidth = Math.max(rangeWidth, row.properties().rangeText().length());
        }
        String format = "%-" + nameWidth + "s  %-" + parameterWidth + "s  %-" + rangeWidth
                + "s  %-7s  %-9s  %-12s  %-10s  %-6s%n";
        out.printf(format, "name", "parameters", "range", "bounded", "monotonic", "zero-centred", "saturating",
                "smooth");
        for (Row row : rows) {
            ActivationProperties p = row.properties();
            out.printf(format, row.name(), row.parametersText().isEmpty() ? "-" : row.parametersText(),
                    p.rangeText(), yesNo(p.bounded()), yesNo(p.monotonic()), yesNo(p.zeroCentred()),
                    yesNo(p.saturating()), yesNo(p.smooth()));
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
