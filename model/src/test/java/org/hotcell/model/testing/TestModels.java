package org.hotcell.model.testing;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.train.Trainer;

/** Small models over the test RNN and test activations, and random data for them. */
public final class TestModels {
    private TestModels() {
    }

    /** A registry holding only the test RNN cell type, the test activations and the reference backend. */
    public static PluginRegistry registry() {
        PluginRegistry registry = new PluginRegistry();
        registry.add(new TestRnnCellType(), "test");
        registry.add(new TestActivations(), "test");
        return registry;
    }

    /** A test-RNN layer. */
    public static LayerSpec layer(int hidden, String activation, Direction direction, MergeMode merge) {
        return new LayerSpec(TestRnnCellType.NAME, hidden, Map.of("activation", ActivationSpec.parse(activation)),
                CellOptions.DEFAULT, direction, merge);
    }

    /** A model spec of the given layers and head. */
    public static ModelSpec spec(int input, int outputs, Readout readout, LayerSpec... layers) {
        return new ModelSpec(input, List.of(layers), new HeadSpec(outputs, readout));
    }

    /** A model with seeded weights. */
    public static Model model(ModelSpec spec, long seed) {
        return Model.initialize(spec, registry()::cellType, seed);
    }

    /** The network of a model on the reference backend. */
    public static Network network(Model model) {
        PluginRegistry registry = registry();
        return Network.build(model, registry::cellType, registry, ReferenceBackend.instance());
    }

    /** {@code n} draws of a standard normal. */
    public static float[] gaussians(int n, SplittableRandom random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** {@code rows} one-hot rows of {@code classes}, each row's class drawn from {@code random}. */
    public static float[] oneHot(int rows, int classes, SplittableRandom random) {
        float[] target = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            target[r * classes + random.nextInt(classes)] = 1f;
        }
        return target;
    }

    /**
     * Sets every parameter but the weight matrices W and R (the biases, peepholes) to draws of N(0, 0.3^2), so that
     * a test sees them at a generic point rather than at their zero or one start.
     */
    public static void perturbBiases(Model model, SplittableRandom random) {
        for (Parameter p : model.parameters().list()) {
            if (!p.name().endsWith(".W") && !p.name().endsWith(".R")) {
                for (int i = 0; i < p.data().length; i++) {
                    p.data()[i] = (float) (0.3 * random.nextGaussian());
                }
            }
        }
    }

    /** A trainer on the test registry and the reference backend. */
    public static Trainer trainer() {
        PluginRegistry registry = registry();
        return new Trainer(registry, ReferenceBackend.instance());
    }
}
