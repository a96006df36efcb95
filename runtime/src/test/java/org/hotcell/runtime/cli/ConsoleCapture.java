package org.hotcell.runtime.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stands in for {@code System.out} and {@code System.err} during each test, as {@link Main#run} prints there, and
 * puts the real ones back after it. Register it with {@code @RegisterExtension}.
 */
final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** What was printed to {@code System.out} since the test began or {@link #clear()}. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What was printed to {@code System.err} since the test began or {@link #clear()}. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what both have printed so far. */
    void clear() {
        out.reset();
        err.reset();
    }
}
