package org.hotcell.runtime.cli;

import picocli.CommandLine.Option;

/** {@code --cell}: the recurrent cell type by name ({@code train}, {@code bench}). */
final class CellTypeOption {

    @Option(names = "--cell", defaultValue = "lstm", description = "cell type (default: ${DEFAULT-VALUE})")
    private String cell;

    /** The cell type's name, as the registry knows it. */
    String name() {
        return cell;
    }
}
