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
    void oneClaimWritesTheReportAndPrintsItsVerdict(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        assertThat(Main.run("study", "--claims", "3", "--seeds", "2", "--steps", "3", "--threads", "2", "--out",
                report.toString())).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("claims [3]: 2 configurations x 2 seeds = 4 runs", "claim 3", "report:",
                "the standard LSTM (sigmoid gates, tanh candidate and output) solved adding at T=50 in 0 of 2 seeds");
        List<String> rows = Files.readAllLines(report.resolve("results.csv"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("adding,50,lstm,sigmoid,tanh,tanh,adam,0.01,1.0,true,16,16,3,1,");
        assertThat(report.resolve("index.html")).content().contains("<th>verdict</th>");
        // Not a terminal: plain progress lines, no carriage returns.
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("study: 4/4 runs").doesNotContain("\r");
    }

    @Test
    void anUnknownCandidateNamesTheKnownActivations(@TempDir Path dir) {
        assertThat(Main.run("study", "--claims", "9", "--candidates", "rleu", "--out", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error:", "rleu", "relu", "softsign");
    }

    @Test
    void aClaimThatDoesNotExistIsNamed(@TempDir Path dir) {
        assertThat(Main.run("study", "--claims", "12", "--out", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("claim 12", "1 to 9");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(Main.run("study", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--full", "--plugins", "--candidates", "--seeds",
                "--claims", "--steps", "--spark", "--out");
    }
}
