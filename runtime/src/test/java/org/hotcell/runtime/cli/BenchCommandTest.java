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
    void printsTheVectorWidthThePeakAndTheSharesOfIt() {
        assertThat(Main.run("bench", "--seq", "2", "--batch", "4", "--input", "16", "--hidden", "32",
                "--threads", "1", "--seconds", "0.1", "--warmup", "0.05", "--backend", "simd")).isZero();
        String out = console.out();
        java.util.regex.Matcher peak = java.util.regex.Pattern.compile(
                "vector_width=(\\d+)-bit \\((\\d+) float lanes\\) fma_peak_gflops_per_core=([0-9.]+)").matcher(out);
        assertThat(peak.find()).as(out).isTrue();
        assertThat(Integer.parseInt(peak.group(1))).isEqualTo(32 * Integer.parseInt(peak.group(2)));
        assertThat(Double.parseDouble(peak.group(3))).isPositive();
        assertThat(out).containsPattern("gemm=4x128x32 gemm_gflops=[0-9.]+ gemm_share_of_peak=\\d+% "
                + "layer_share_of_peak=\\d+% \\(of 1 core's peak\\)");
    }

    @Test
    void theThreadCountComesFromTheBackendsDescription() {
        assertThat(BenchCommand.threadsIn("simd: Vector API, 512-bit (16 float lanes), 2 threads")).isEqualTo(2);
        assertThat(BenchCommand.threadsIn("simd: Vector API, 256-bit (8 float lanes), 1 thread")).isEqualTo(1);
        assertThat(BenchCommand.threadsIn("reference")).isEqualTo(1);
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

    @Test
    void weightsBf16AndInt8RunOnTheSimdBackendAndSaySo() {
        for (String storage : new String[] {"bf16", "int8"}) {
            assertThat(Main.run("bench", "--seq", "2", "--batch", "1", "--input", "16", "--hidden", "32",
                    "--threads", "2", "--weights", storage, "--seconds", "0.05", "--warmup", "0",
                    "--backend", "simd")).isZero();
        }
        // Placement: see SimdBackend (kept apart where the JVM grants native access on Linux, as the build's does).
        String placed = "(kept off the caller's CPU|placed by the OS: [^)]+)";
        String threads = "2 threads \\(awake 20 ms after work, " + placed + "\\), ";
        assertThat(console.out()).containsPattern(threads + "bf16 weights").containsPattern(threads + "int8 weights")
                .contains("(of 2 cores' peak)");
    }

    @Test
    void weightsTheBackendCannotStoreAreNamedWithTheBackend() {
        assertThat(Main.run("bench", "--seq", "2", "--seconds", "0.05", "--backend", "reference", "--weights",
                "bf16")).isEqualTo(1);
        assertThat(console.err()).contains("error: --weights bf16: backend 'reference' stores weights as fp32 only")
                .contains("[HC-INVALID-SPEC]").doesNotContain("\tat ");
    }

    @Test
    void anUnknownWeightStorageIsNamedWithTheValidOnes() {
        assertThat(Main.run("bench", "--seq", "2", "--seconds", "0.05", "--weights", "fp16")).isEqualTo(1);
        assertThat(console.err()).contains("error: --weights must be one of fp32, bf16, int8, got 'fp16'")
                .contains("[HC-INVALID-SPEC]");
    }

    @Test
    void theThreadCountIsReadPastTheWeightStorage() {
        assertThat(BenchCommand.threadsIn("simd: Vector API, 512-bit (16 float lanes), 2 threads, bf16 weights"))
                .isEqualTo(2);
    }
}
