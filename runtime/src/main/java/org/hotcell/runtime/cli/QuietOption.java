package org.hotcell.runtime.cli;

import java.io.PrintStream;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress on stderr ({@code train}, {@code study}). */
final class QuietOption {

    @Option(names = "--quiet", description = "no progress on stderr")
    private boolean quiet;

    /** Where progress goes: stderr, or {@code null} with {@code --quiet}. */
    PrintStream progress() {
        return quiet ? null : System.err;
    }
}
