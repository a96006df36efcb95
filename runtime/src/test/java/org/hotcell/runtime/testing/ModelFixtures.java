package org.hotcell.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.io.ModelSpecJson;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.runtime.models.InputBatch;

/**
 * Model specs for the tests and an independent oracle: the same model computed in this JVM with the class-path
 * plugins plus a local activation {@code k * x}, to compare what the host computes with a plugin jar.
 */
public final class ModelFixtures {
    public static final long SEED = 7;

    private ModelFixtures() {
    }

    /** A one-layer RNN spec (input 2, hidden 3, output 2) whose activation is {@code activation}, with a seed. */
    public static String rnnSpec(String activation, String readout) {
        return "{\"format\": \"hotcell-model\", \"version\": 1, \"input_size\": 2, \"seed\": " + SEED + ",\n"
                + " \"layers\": [{\"cell\": \"rnn\", \"hidden_size\": 3, \"direction\": \"forward\", \"merge\": "
                + "\"concat\", \"activations\": {\"activation\": \"" + activation + "\"},\n"
                + "  \"options\": {\"bias\": true, \"peepholes\": false, \"input_forget\": false, \"clip\": null, "
                + "\"linear_before_reset\": false}}],\n"
                + " \"head\": {\"outputs\": 2, \"readout\": \"" + readout + "\"}}\n";
    }

    /** Writes a spec atomically (temporary name, then rename). */
    public static void writeSpec(Path models, String name, String json) throws IOException {
        Path temp = models.resolve("." + name + ".tmp");
        Files.writeString(temp, json);
        Files.move(temp, models.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** A fixed N=2, T=4, I=2 batch. */
    public static InputBatch batch() {
        float[] data = new float[2 * 4 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(0.7 * i) * 0.8f;
        }
        return new InputBatch(data, 2, 4, 2);
    }

    /** What the last-step RNN spec with activation {@code k * x} computes for {@code inputs}, on the reference backend. */
    public static float[] expectedScaled(float k, InputBatch inputs) {
        PluginRegistry registry = PluginRegistry.discover();
        registry.add(new Scaled(k), "test oracle");
        ModelSpec spec = ModelSpecJson.read(rnnSpec("scaled", "last_step"), "oracle");
        Model model = Model.initialize(spec, registry::cellType, SEED);
        Network network = Network.build(model, registry::cellType, registry, registry.backend("reference"));
        return network.predict(inputs.sequences());
    }

    /** The oracle's activation: {@code k * x} under the name {@code scaled}. */
    private record Scaled(float k) implements ActivationFactory {
        @Override
        public Set<String> names() {
            return Set.of("scaled");
        }

        @Override
        public List<ActivationParameter> parameters(String name) {
            return List.of();
        }

        @Override
        public String describe(String name) {
            return k + " * x";
        }

        @Override
        public Activation create(ActivationSpec spec) {
            return TestActivation.scaled(spec, k);
        }
    }
}
