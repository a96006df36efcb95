package org.hotcell.runtime.cli;

import java.io.PrintWriter;
import java.util.List;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotcell activations eval SPEC --x 0.5,1,2}: f(x) and f'(x) of one activation at given points. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print x, f(x) and f'(x) for an activation spec such as 'leaky_relu(alpha=0.1)'.")
public final class ActivationsEvalCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The activation, e.g. tanh or 'hard_sigmoid(0.2, 0.5)'.")
    private String activationSpec;

    @Option(names = "--x", split = ",", paramLabel = "X", defaultValue = "-2,-1,0,1,2", converter = Point.class,
            description = "Comma-separated points (default: ${DEFAULT-VALUE}); inf, -inf and NaN are allowed.")
    private List<Float> points;

    @Override
    public void run() {
        Registry registry = PluginRegistry.discover();
        Activation activation = registry.activation(activationSpec);
        PrintWriter out = spec.commandLine().getOut();
        out.println(activation.spec());
        out.printf("%16s  %16s  %16s%n", "x", "f(x)", "f'(x)");
        for (float x : points) {
            float y = activation.apply(x);
            out.printf("%16s  %16s  %16s%n", x, y, activation.derivative(x, y));
        }
        out.flush();
    }

    /** A float as written on a command line: a decimal number, inf, -inf or NaN. */
    static final class Point implements CommandLine.ITypeConverter<Float> {
        @Override
        public Float convert(String text) {
            String t = text.strip();
            switch (t.toLowerCase(java.util.Locale.ROOT)) {
                case "inf", "+inf", "infinity", "+infinity" -> {
                    return Float.POSITIVE_INFINITY;
                }
                case "-inf", "-infinity" -> {
                    return Float.NEGATIVE_INFINITY;
                }
                case "nan" -> {
                    return Float.NaN;
                }
                default -> {
                    try {
                        return Float.parseFloat(t);
                    } catch (NumberFormatException e) {
                        throw new CommandLine.TypeConversionException("'" + text
                                + "' is not a number (write e.g. 0.5, -2, 1e-3, inf, -inf or NaN)");
                    }
                }
            }
        }
    }
}
