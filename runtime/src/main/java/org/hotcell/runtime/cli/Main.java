package org.hotcell.runtime.cli;

import org.hotcell.core.error.HotcellException;

import picocli.CommandLine;

/** Entry point of the {@code hotcell} launcher. */
public final class Main {
    private Main() {
    }

    /** The simple logger's level for Jetty's loggers, unless the JVM was given one. */
    static final String JETTY_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.eclipse.jetty";

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        quietJetty();
        System.exit(run(args));
    }

    /**
     * Jetty's INFO lines (its version and build on start, then {@code Started} and {@code Stopped} for the server
     * and its connector) say nothing that {@code hotcell run}'s own {@code HTTP API on http://127.0.0.1:PORT/api/}
     * line does not, so the launcher shows Jetty's warnings and errors only. A system property, because that is
     * how SLF4J's simple logger is configured; set by the process's entry point, before Jetty makes its loggers
     * (the simple logger reads a logger's level when the logger is made), and never by a library class, so that a
     * program embedding the HTTP API keeps its own logging. A {@code -D} of the same name wins.
     */
    static void quietJetty() {
        if (System.getProperty(JETTY_LOG_LEVEL) == null) {
            System.setProperty(JETTY_LOG_LEVEL, "warn");
        }
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
