package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void oneClaimWritesTheReportAndPrintsItsVerdict(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        assertThat(Main.run("study", "--claims", "3", "--seeds", "2", "--steps", "3", "--threads", "2", "--out",
                report.toString())).isZero();
        String printed = console.out();
        assertThat(printed).contains("claims [3]: 2 configurations x 2 seeds = 4 runs", "claim 3", "report:",
                "the standard LSTM (sigmoid gates, tanh candidate and output) solved adding at T=50 in 0 of 2 seeds");
        List<String> rows = Files.readAllLines(report.resolve("results.csv"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("adding,50,lstm,sigmoid,tanh,tanh,adam,0.01,1.0,true,16,16,3,1,");
        assertThat(report.resolve("index.html")).content().contains("<th>verdict</th>");
        // Not a terminal: plain progress lines, no carriage returns.
        assertThat(console.err()).contains("study: 4/4 runs").doesNotContain("\r");
    }

    @Test
    void anUnknownCandidateNamesTheKnownActivations(@TempDir Path dir) {
        assertThat(Main.run("study", "--claims", "9", "--candidates", "rleu", "--out", dir.toString())).isEqualTo(1);
        assertThat(console.err()).contains("error:", "rleu", "relu", "softsign");
    }

    @Test
    void aClaimThatDoesNotExistIsNamed(@TempDir Path dir) {
        assertThat(Main.run("study", "--claims", "12", "--out", dir.toString())).isEqualTo(1);
        assertThat(console.err()).contains("claim 12", "1 to 9");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(Main.run("study", "--help")).isZero();
        assertThat(console.out()).contains("--full", "--plugins", "--candidates", "--seeds",
                "--claims", "--steps", "--spark", "--out", "effect with 95% CI");
        // picocli reads descriptions as format strings: a lone % would print a warning and the raw text.
        assertThat(console.err()).doesNotContain("Could not format");
    }
}
