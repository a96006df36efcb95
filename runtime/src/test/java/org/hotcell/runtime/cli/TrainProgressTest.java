package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hotcell.model.train.StepReport;
import org.junit.jupiter.api.Test;

class TrainProgressTest {

    @Test
    void theLastLineShowsTheMeanLossOfTheLastFiftyStepsAndEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainProgress progress = new TrainProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int total = 120;
        for (int step = 1; step <= total; step++) {
            // A blow-up at the start must not linger: the last 50 steps all have loss 2.
            double loss = step <= 10 ? 1e15 : 2.0;
            progress.onStep(new StepReport(step, loss, 0.5, Map.of(), 1, 3.5, null), total);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        String last = text.substring(text.lastIndexOf('\r') + 1);
        assertThat(last).startsWith("[" + "#".repeat(30) + "] 120/120 loss 2.000 |grad| 0.500 max|c| 3.50")
                .endsWith(System.lineSeparator());
    }

    @Test
    void durationsReadAsMinutesAndSeconds() {
        assertThat(TrainProgress.duration(59.4)).isEqualTo("59s");
        assertThat(TrainProgress.duration(125)).isEqualTo("2m05s");
    }
}
