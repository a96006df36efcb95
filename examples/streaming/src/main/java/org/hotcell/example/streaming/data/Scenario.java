package org.hotcell.example.streaming.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The streams of one detection run, all from one seed: {@code normalStreams} normal ones to calibrate on, then
 * {@code streams} ones carrying {@code faults} faults each to evaluate on, every one {@code length} steps long.
 *
 * @param generator     makes the streams
 * @param normalStreams streams for calibration
 * @param streams       streams for evaluation
 * @param length        steps per stream
 * @param faults        faults per evaluation stream
 * @param seed          the seed of everything above
 */
public record Scenario(StreamGenerator generator, int normalStreams, int streams, int length, int faults,
                       long seed) {

    /** The calibration streams. */
    public List<LabelledStream> normal() {
        SplittableRandom random = new SplittableRandom(seed).split();
        List<LabelledStream> out = new ArrayList<>();
        for (int i = 0; i < normalStreams; i++) {
            out.add(generator.normal(length, random));
        }
        return out;
    }

    /** The evaluation streams, with their labels. */
    public List<LabelledStream> anomalous() {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        SplittableRandom random = root.split();
        List<LabelledStream> out = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            out.add(generator.withAnomalies(length, faults, random));
        }
        return out;
    }
}
