package org.hotcell.study.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hotcell.study.RunConfig;
import org.hotcell.study.RunSpec;
import org.hotcell.study.internal.claims.Budget;
import org.junit.jupiter.api.Test;

/** Progress on a terminal redraws one line; into a log it writes plain lines, one per tenth of the runs. */
class ProgressBarsTest {
    private static final RunConfig CONFIG = Budget.quick().base();

    @Test
    void onATerminalTheLineIsRedrawnInPlaceWithEachRunningRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBars bars = new ProgressBars(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, 4, true);
        int first = bars.start(new RunSpec(CONFIG, 1));
        int second = bars.start(new RunSpec(CONFIG.withCell("gru"), 2));
        assertThat(first).isNotEqualTo(second);
        bars.step(first, 500);
        bars.finish(first);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r").contains("1/4 runs").contains("adding T=50 gru sigmoid/tanh s2");
        assertThat(text).doesNotContain("\n");
        bars.finish(second);
        assertThat(bars.start(new RunSpec(CONFIG, 3))).isZero();
    }

    @Test
    void intoALogItWritesPlainLinesWithoutCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBars bars = new ProgressBars(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1, 20, false);
        for (int i = 0; i < 20; i++) {
            int slot = bars.start(new RunSpec(CONFIG, i));
            bars.step(slot, 10);
            bars.finish(slot);
        }
        bars.done();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
        assertThat(lines).hasSize(10).first().asString().startsWith("study: 2/20 runs");
        assertThat(lines.get(9)).startsWith("study: 20/20 runs").doesNotContain("left");
    }

    @Test
    void durationsReadAsMinutesAndSeconds() {
        assertThat(ProgressBars.duration(245)).isEqualTo("4m05s");
        assertThat(ProgressBars.duration(12.4)).isEqualTo("12s");
    }
}
