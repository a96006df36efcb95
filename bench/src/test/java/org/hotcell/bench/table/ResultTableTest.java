package org.hotcell.bench.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.hotcell.bench.recurrent.Workload;
import org.junit.jupiter.api.Test;

/** The table's arithmetic on a fabricated run whose right answers are known by hand. */
class ResultTableTest {
    private static final String LSTM = "lstm/25x32x512/tanh";
    // 8 * 25 * 32 * 512 * (512 + 512) = 3,355,443,200 FLOP
    private static final double LSTM_FLOPS = 3_355_443_200.0;

    /** Peak 100 GFLOP/s per core: 1e6 FLOP in 0.01 ms. */
    private static Measurement peak() {
        return new Measurement(Measurement.KERNEL, Measurement.FMA_PEAK, "256-bit", 1, 0.01, 1e6);
    }

    private static Measurement lstm(String engine, String task, int threads, double ms) {
        double flops = task.equals(Measurement.TRAINING) ? 3 * LSTM_FLOPS : LSTM_FLOPS;
        return new Measurement(engine, task, LSTM, threads, ms, flops);
    }

    private static List<Measurement> run() {
        return List.of(peak(),
                // 3.3554432e9 FLOP in 33.554432 ms = 100 GFLOP/s at 1 thread; 50 GFLOP/s... at 2 threads 67.108864
                lstm(Measurement.SIMD, Measurement.FORWARD, 1, 33.554432),
                lstm(Measurement.SIMD, Measurement.FORWARD, 2, 22.369621333),   // 150 GFLOP/s
                lstm(Measurement.REFERENCE, Measurement.FORWARD, 1, 1677.7216), // 2 GFLOP/s
                lstm(Measurement.ORT, Measurement.FORWARD, 1, 67.108864),       // 50 GFLOP/s
                lstm(Measurement.DL4J, Measurement.FORWARD, 1, 134.217728),     // 25 GFLOP/s
                lstm(Measurement.SIMD, Measurement.TRAINING, 1, 167.77216),     // 3x FLOP: 60 GFLOP/s
                lstm(Measurement.DL4J, Measurement.TRAINING, 1, 503.31648),     // 20 GFLOP/s
                new Measurement(Measurement.KERNEL, Measurement.GEMM, "m=32 H=512", 1, 0.5, 67_108_864.0));
    }

    @Test
    void workloadFlopsFollowTheIssueFormulas() {
        assertThat(Workload.parse(LSTM).forwardFlops()).isEqualTo(LSTM_FLOPS);
        // GRU: 6 * T * N * H * (I + H)
        assertThat(Workload.parse("gru/100x1x256/tanh").forwardFlops()).isEqualTo(6.0 * 100 * 1 * 256 * 512);
        assertThat(Workload.parse("gru/100x1x256/tanh").trainingFlops()).isEqualTo(3 * 6.0 * 100 * 256 * 512);
    }

    @Test
    void gflopsIsFlopsOverMilliseconds() {
        assertThat(Measurement.gflops(LSTM_FLOPS, 33.554432)).isCloseTo(100, within(1e-9));
        assertThat(lstm(Measurement.DL4J, Measurement.TRAINING, 1, 503.31648).gflops()).isCloseTo(20, within(1e-9));
    }

    @Test
    void percentOfPeakScalesThePeakByThreads() {
        ResultTable table = new ResultTable(run(), "");
        assertThat(table.peakPerCore()).hasValueSatisfying(p -> assertThat(p).isCloseTo(100, within(1e-9)));
        assertThat(table.percentOfPeak(100, 1)).hasValueSatisfying(p -> assertThat(p).isCloseTo(100, within(1e-9)));
        assertThat(table.percentOfPeak(150, 2)).hasValueSatisfying(p -> assertThat(p).isCloseTo(75, within(1e-9)));
        assertThat(new ResultTable(List.of(), "").percentOfPeak(10, 1)).isEmpty();
    }

    @Test
    void forwardRowShowsRatesPercentAndTimeRatios() {
        String[] row = row(new ResultTable(run(), "").render(), "### Forward", LSTM + " | 1 |");
        // workload, threads, SIMD ms, SIMD GFLOP/s, %peak, ref ms, ORT ms, ORT GFLOP/s, DL4J ms, DL4J GFLOP/s, /ORT, /DL4J
        assertThat(row).containsExactly(LSTM, "1", "33.554", "100.0", "100%", "1677.7", "67.109", "50.0", "134.2",
                "25.0", "0.50", "0.25");
    }

    @Test
    void missingPeersPrintAsDashes() {
        String[] row = row(new ResultTable(run(), "").render(), "### Forward", LSTM + " | 2 |");
        assertThat(row).containsExactly(LSTM, "2", "22.370", "150.0", "75%", "1677.7", "-", "-", "-", "-", "-", "-");
    }

    @Test
    void trainingRowComparesWithForwardRateAndDl4j() {
        String[] row = row(new ResultTable(run(), "").render(), "### Training", LSTM + " | 1 |");
        // SIMD training 60 GFLOP/s over forward 100 = 0.60; 167.77216 / 503.31648 = 0.333...
        assertThat(row).containsExactly(LSTM, "1", "167.8", "60.0", "60%", "0.60", "503.3", "20.0", "0.33");
    }

    @Test
    void gemmRowIsAPercentOfOneCore() {
        String[] row = row(new ResultTable(run(), "").render(), "### SIMD GEMM", "m=32 H=512 |");
        // 67,108,864 FLOP in 0.5 ms = 134.2 GFLOP/s = 134% of a 100 GFLOP/s peak
        assertThat(row).containsExactly("m=32 H=512", "1", "0.5000", "134.2", "134%");
    }

    @Test
    void anotherActivationIsComparedWithTanhOnTheSameShape() {
        List<Measurement> withSilu = new java.util.ArrayList<>(run());
        withSilu.add(new Measurement(Measurement.SIMD, Measurement.FORWARD, "lstm/25x32x512/silu", 1, 36.909875,
                LSTM_FLOPS));
        String[] row = row(new ResultTable(withSilu, "").render(), "### A non-standard", "lstm/25x32x512/silu |");
        // 36.909875 / 33.554432 = 1.1: ten percent slower
        assertThat(row).containsExactly("lstm/25x32x512/silu", "forward", "1", "33.554", "36.910", "+10.0%");
    }

    @Test
    void theReferenceAloneMakesNoRow() {
        List<Measurement> onlyTwoThreads = run().stream().filter(m -> !(m.engine().equals(Measurement.SIMD)
                && m.threads() == 1) && !m.engine().equals(Measurement.ORT) && !m.engine().equals(Measurement.DL4J))
                .toList();
        String table = new ResultTable(onlyTwoThreads, "").render();
        assertThat(table).doesNotContain("| " + LSTM + " | 1 |").contains("| " + LSTM + " | 2 |");
    }

    @Test
    void ratioIsHotcellTimeOverPeerTime() {
        assertThat(ResultTable.ratio(10, 40)).isEqualTo(0.25);
    }

    @Test
    void measurementsMustBePositive() {
        assertThatThrownBy(() -> new Measurement(Measurement.SIMD, Measurement.FORWARD, LSTM, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    /** The cells of the first row starting with {@code start} after the section heading {@code section}. */
    private static String[] row(String markdown, String section, String start) {
        String after = markdown.substring(markdown.indexOf(section));
        String line = after.lines().filter(l -> l.startsWith("| " + start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + start + " in\n" + markdown));
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toArray(String[]::new);
    }
}
