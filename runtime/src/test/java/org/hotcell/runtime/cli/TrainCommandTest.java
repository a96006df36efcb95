package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainCommandTest {
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
    void helpListsTheRoleOptions() {
        assertThat(Main.run("train", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--gate", "--candidate", "--output", "--task",
                "--bptt", "--save");
    }

    @Test
    void anUnknownTaskIsNamedWithTheKnownOnes() {
        assertThat(Main.run("train", "--task", "sorting")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown task 'sorting'; known: adding, copy, sine");
    }
}
