package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
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
    void aSubsetOfTheGridWritesTheReportAndDrawsProgress(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        assertThat(Main.run("study", "--tasks", "sine", "--cells", "gru", "--gates", "sigmoid", "--candidates",
                "tanh,relu", "--seeds", "3", "--steps", "3", "--threads", "2", "--out", report.toString())).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("2 runs", "candidates [tanh, relu]", "seeds [3]", "report:");
        List<String> rows = Files.readAllLines(report.resolve("results.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("sine,40,gru,sigmoid,tanh,3,3,");
        assertThat(report.resolve("index.html")).exists();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2/2 runs");
    }

    @Test
    void anUnknownCandidateNamesTheKnownActivations(@TempDir Path dir) {
        assertThat(Main.run("study", "--candidates", "tanh,rleu", "--out", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error:", "rleu", "relu", "softsign");
    }

    @Test
    void helpListsTheGridOptions() {
        assertThat(Main.run("study", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--full", "--plugins", "--candidates", "--seeds",
                "--tasks", "--cells", "--out");
    }
}
