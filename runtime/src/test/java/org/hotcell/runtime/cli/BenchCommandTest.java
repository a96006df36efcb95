package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bench command's interface: its last line is median_ms=<value>; bad options are named. */
class BenchCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void printsTheMedianAsItsLastLine() {
        int status = Main.run("bench", "--cell", "gru", "--seq", "3", "--batch", "2", "--input", "5",
                "--hidden", "7", "--threads", "1", "--candidate", "relu", "--seconds", "0.2", "--warmup", "0.1",
                "--backend", "reference");
        assertThat(status).isZero();
        String[] lines = console.out().strip().split("\\R");
        assertThat(lines[0]).contains("cell=gru T=3 N=2 I=5 H=7").contains("candidate=relu").contains("backend=reference");
        assertThat(lines[lines.length - 1]).matches("median_ms=\\d+\\.\\d{4}");
        assertThat(Double.parseDouble(lines[lines.length - 1].substring("median_ms=".length()))).isPositive();
    }

    @Test
    void backendAutoIsTheBestInstalledAsItIsForRun() {
        assertThat(Main.run("bench", "--seq", "2", "--batch", "1", "--input", "3", "--hidden", "4",
                "--seconds", "0.05", "--warmup", "0", "--backend", "auto")).isZero();
        assertThat(console.out().lines().findFirst().orElseThrow()).contains("backend=simd");
    }

    @Test
    void aRoleTheCellLacksIsNamed() {
        assertThat(Main.run("bench", "--cell", "rnn", "--output", "relu", "--seconds", "0.1")).isEqualTo(1);
        assertThat(console.err()).contains("cell type 'rnn' has no role 'output'").contains("[activation]");
    }
}
