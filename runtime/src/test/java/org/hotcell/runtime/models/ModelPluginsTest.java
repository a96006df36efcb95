package org.hotcell.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.io.ModelSpecJson;
import org.hotcell.runtime.testing.ModelFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins a model uses include those of the roles it leaves at their cell type's default: an LSTM whose spec
 * sets only its candidate and output computes its gates with the default {@code sigmoid}, and the plugin serving
 * that is one of its plugins, named when it goes.
 */
class ModelPluginsTest {
    private static final String GATES = "bundle org.example.gates 1.0.0";
    private static final String TANH = "bundle org.example.tanh 1.0.0";
    private static final String CELLS = "bundle org.hotcell.cells 0.1.0";

    /** An LSTM layer with candidate and output set, gates left to the default. */
    private static final String LSTM_SPEC = "{\"format\": \"hotcell-model\", \"version\": 1, \"input_size\": 2, "
            + "\"seed\": 7,\n \"layers\": [{\"cell\": \"lstm\", \"hidden_size\": 3, \"direction\": \"forward\", "
            + "\"merge\": \"concat\", \"activations\": {\"candidate\": \"tanh\", \"output\": \"tanh\"},\n"
            + "  \"options\": {\"bias\": true, \"peepholes\": false, \"input_forget\": false, \"clip\": null, "
            + "\"linear_before_reset\": false}}],\n \"head\": {\"outputs\": 2, \"readout\": \"last_step\"}}\n";

    @TempDir
    Path models;
    PluginRegistry registry;
    ActivationFactory gates;

    @BeforeEach
    void registryWithGatesAndTanhFromTwoPlugins() {
        PluginRegistry installed = PluginRegistry.discover();
        registry = new PluginRegistry();
        for (CellType type : installed.cellTypes()) {
            registry.add(type, CELLS);
        }
        ActivationFactory standard = installed.activationFactory("sigmoid").orElseThrow();
        gates = new Serving("sigmoid", standard);
        registry.add(gates, GATES);
        registry.add(new Serving("tanh", standard), TANH);
    }

    @Test
    void theDefaultRoleActivationsPluginIsInUse() {
        ModelPlugins plugins = new ModelPlugins(registry);
        assertThat(plugins.inUse(ModelSpecJson.read(LSTM_SPEC, "test")))
                .isEqualTo("plugins: " + GATES + ", " + TANH + ", " + CELLS);
    }

    @Test
    void aModelWhoseDefaultGateActivationWentNamesThePluginThatServedIt() throws Exception {
        ModelFixtures.writeSpec(models, "lstm", LSTM_SPEC);
        try (HostedModels hosted = HostedModels.start(registry, models, new BackendChoice("reference"),
                Duration.ofHours(1))) {
            assertThat(hosted.models()).singleElement().satisfies(m -> assertThat(m.available()).isTrue());

            registry.remove(gates);

            assertThat(hosted.models()).singleElement().satisfies(m -> {
                assertThat(m.available()).isFalse();
                assertThat(m.error()).contains("role 'gate' needs activation 'sigmoid'")
                        .contains("activation 'sigmoid' was provided by " + GATES + ", which is gone");
            });
            assertThatThrownBy(() -> hosted.infer("lstm", ModelFixtures.batch()))
                    .isInstanceOf(PluginUnavailableException.class).hasMessageContaining(GATES);
        }
    }

    /** One name of the standard activations, served as a plugin of its own would serve it. */
    private record Serving(String name, ActivationFactory standard) implements ActivationFactory {
        @Override
        public Set<String> names() {
            return Set.of(name);
        }

        @Override
        public List<ActivationParameter> parameters(String activation) {
            return standard.parameters(activation);
        }

        @Override
        public String describe(String activation) {
            return standard.describe(activation);
        }

        @Override
        public Activation create(ActivationSpec canonicalSpec) {
            return standard.create(canonicalSpec);
        }
    }
}
