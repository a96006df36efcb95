package org.hotcell.model.testing;

import java.util.List;
import java.util.Map;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.train.Trainer;

/** Small models over the test RNN and test activations. */
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

    /** A trainer on the test registry and the reference backend. */
    public static Trainer trainer() {
        PluginRegistry registry = registry();
        return new Trainer(registry, ReferenceBackend.instance());
    }
}
