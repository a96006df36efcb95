package org.hotcell.runtime.cli;

import org.hotcell.core.error.HotcellException;

import picocli.CommandLine;

/** Entry point of the {@code hotcell} launcher. */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0 ok, 1 failed, 2 usage error). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new HotcellCommand());
        // Hotcell's own errors already name the culprit: print the message, not a stack trace.
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            if (e instanceof HotcellException hotcell) {
                cl.getErr().println("error: " + hotcell.getMessage() + " [" + hotcell.code() + "]");
                return 1;
            }
            throw e;
        });
        return commandLine.execute(args);
    }
}
