package org.hotcell.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * {@code System.err} captured until closed, where slf4j-simple (the tests' binding) writes each message, with the
 * WARN lines read from it.
 */
public final class CapturedErr implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    /** Starts capturing. */
    public CapturedErr() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** Everything written so far. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * Waits for a WARN line naming {@code file}, then checks that many polls later it is still the only one (a file is
     * reported once, not on every poll).
     *
     * @return that line
     */
    public String warnedOnceAbout(String file) throws InterruptedException {
        Await.until("a warning about " + file, () -> warningsAbout(file).findAny().isPresent());
        Thread.sleep(1_000);
        assertThat(warningsAbout(file).count()).as(text()).isEqualTo(1);
        return warningsAbout(file).findFirst().orElseThrow();
    }

    private Stream<String> warningsAbout(String file) {
        return Arrays.stream(text().split("\\R")).filter(l -> l.contains(" WARN ") && l.contains(file));
    }

    /** Puts the original {@code System.err} back. */
    @Override
    public void close() {
        System.setErr(original);
    }
}
