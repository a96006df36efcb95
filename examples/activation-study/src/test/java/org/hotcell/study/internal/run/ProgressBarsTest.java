package org.hotcell.study.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hotcell.study.RunSpec;
import org.hotcell.study.TaskSetting;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {

    @Test
    void drawsTheOverallBarAndOneBarPerRunningRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBars bars = new ProgressBars(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, 4);
        TaskSetting sine = new TaskSetting("sine", 10, 4, 10, 2, 5, 4, 0.01, TaskSetting.defaultGoal("sine"));
        int first = bars.start(new RunSpec(sine, "gru", "sigmoid", "relu", 3));
        int second = bars.start(new RunSpec(sine, "lstm", "hard_sigmoid", "tanh", 1));
        assertThat(List.of(first, second)).containsExactly(0, 1);
        bars.step(first, 5);
        bars.finish(first);
        String text = bytes.toString(StandardCharsets.UTF_8);
        String last = text.substring(text.lastIndexOf('\r') + 1);
        assertThat(last).startsWith("[#####...............] 1/4 runs, ")
                .contains("| sine lstm/hard_sigmoid/tanh s1 [..........]")
                .doesNotContain("gru/sigmoid/relu");
        // The freed slot is taken by the next run.
        assertThat(bars.start(new RunSpec(sine, "gru", "sigmoid", "elu", 1))).isZero();
    }

    @Test
    void barsAndDurations() {
        assertThat(ProgressBars.bar(0, 4, 4)).isEqualTo("[....]");
        assertThat(ProgressBars.bar(3, 4, 4)).isEqualTo("[###.]");
        assertThat(ProgressBars.bar(4, 4, 4)).isEqualTo("[####]");
        assertThat(ProgressBars.duration(59.4)).isEqualTo("59s");
        assertThat(ProgressBars.duration(245)).isEqualTo("4m05s");
    }
}
