package org.hotcell.runtime.cli;

import picocli.CommandLine.Option;

/**
 * {@code --cell} and the activations of its standard roles, {@code --gate}, {@code --candidate} and {@code --output}
 * ({@code train}, {@code bench}). A role not given is {@code null}, so the cell type's default applies.
 */
final class CellChoice {

    @Option(names = "--cell", defaultValue = "lstm", description = "cell type (default: ${DEFAULT-VALUE})")
    private String cell;

    @Option(names = "--gate", description = "activation of every gate (LSTM, GRU); default sigmoid")
    private String gate;

    @Option(names = "--candidate", description = "activation of the candidate (LSTM, GRU); default tanh")
    private String candidate;

    @Option(names = "--output", description = "activation of the LSTM output; default tanh")
    private String output;

    /** The cell type's name, as the registry knows it. */
    String name() {
        return cell;
    }

    /**
     * The activation spec given for a standard role, e.g. {@code leaky_relu(alpha=0.1)}, or {@code null}.
     *
     * @param role {@code gate}, {@code candidate} or {@code output}, as the option is named
     */
    String activation(String role) {
        return switch (role) {
            case "gate" -> gate;
            case "candidate" -> candidate;
            case "output" -> output;
            default -> throw new IllegalArgumentException("no option for role '" + role + "'");
        };
    }
}
