package org.hotcell.example.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.example.streaming.data.NextValueTask;
import org.hotcell.example.streaming.data.StreamGenerator;
import org.hotcell.example.streaming.train.PredictorTraining;
import org.hotcell.model.train.TrainingResult;

/**
 * One tiny predictor (2 x LSTM(12), 150 steps) trained once per test JVM and saved as {@code models/sensors}, so
 * the end-to-end tests share the cost of training.
 */
final class TinyPredictor {
    static final StreamGenerator GENERATOR = StreamGenerator.standard();
    static final String NAME = "sensors";

    private static TrainingResult result;
    private static Path models;

    private TinyPredictor() {
    }

    /** The training result. */
    static synchronized TrainingResult trained() {
        if (result == null) {
            PredictorTraining training = new PredictorTraining(2, 12, 150, 16, 0.02, 3);
            result = training.train(new NextValueTask(GENERATOR, 40), PluginRegistry.discover(), null);
            try {
                models = Files.createTempDirectory("hotcell-streaming-models");
                PredictorTraining.save(result.model(), models, NAME);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    /** A models directory holding only the trained model, as {@code NAME}. */
    static synchronized Path models() {
        trained();
        return models;
    }
}
