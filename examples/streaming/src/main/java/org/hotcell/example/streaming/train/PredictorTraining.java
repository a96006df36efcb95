package org.hotcell.example.streaming.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotcell.core.registry.Registry;
import org.hotcell.example.streaming.data.NextValueTask;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.net.Model;
import org.hotcell.model.optim.Adam;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.train.Trainer;
import org.hotcell.model.train.TrainingConfig;
import org.hotcell.model.train.TrainingListener;
import org.hotcell.model.train.TrainingResult;

/**
 * The next-reading predictor: a stack of {@code layers} LSTMs of {@code hidden} units (default activations:
 * sigmoid gates, tanh candidate and output) with a dense head giving one value per sensor at every step, trained
 * with Adam on normal streams only.
 *
 * @param layers       stacked LSTM layers
 * @param hidden       units per layer
 * @param steps        optimizer steps
 * @param batchSize    sequences per step
 * @param learningRate Adam's learning rate
 * @param seed         seeds the weights and the training data
 */
public record PredictorTraining(int layers, int hidden, int steps, int batchSize, double learningRate, long seed) {

    /** Two layers of 24 units, 600 steps of 16 sequences, learning rate 0.01. */
    public static PredictorTraining standard(long seed) {
        return new PredictorTraining(2, 24, 600, 16, 0.01, seed);
    }

    /** The model's shape for {@code sensors} sensors. */
    public ModelSpec spec(int sensors) {
        List<LayerSpec> stack = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            stack.add(LayerSpec.of("lstm", hidden, Map.of()));
        }
        return new ModelSpec(sensors, stack, new HeadSpec(sensors, Readout.PER_STEP));
    }

    /** Trains on {@code task}'s normal streams; the test set is 64 held-out normal sequences. */
    public TrainingResult train(NextValueTask task, Registry registry, TrainingListener listener) {
        Model model = Model.initialize(spec(task.inputSize()), registry::cellType, seed);
        Trainer trainer = new Trainer(registry, registry.defaultBackend());
        TrainingConfig config = new TrainingConfig(steps, batchSize, seed, 1.0, 0, 64);
        return trainer.train(model, task, config, new Adam(learningRate), listener);
    }

    /** Saves a trained model as {@code models/name} (model.json + weights.safetensors), as the runtime reads it. */
    public static Path save(Model model, Path models, String name) throws IOException {
        Path directory = models.resolve(name);
        ModelFiles.save(model, directory);
        return directory;
    }
}
