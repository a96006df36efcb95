package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void versionNamesTheReleaseTheJavaAndTheVectorApi() {
        assertThat(Main.run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("hotcell \\d+\\.\\d+\\.\\d+")
                .contains("Java " + Runtime.version())
                .contains("Vector API: present");
    }

    @Test
    void helpListsTheUsageAndExitsZero() {
        assertThat(Main.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: hotcell").contains("--version");
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        assertThat(Main.run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--frobnicate'");
    }
}
