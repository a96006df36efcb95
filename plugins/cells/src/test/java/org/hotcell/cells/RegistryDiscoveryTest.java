package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.hotcell.cells.internal.gru.GruCellType;
import org.hotcell.cells.internal.lstm.LstmCellType;
import org.hotcell.cells.internal.rnn.RnnCellType;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellRole;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.UnknownCellTypeException;
import org.hotcell.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

/** The cell types are found through ServiceLoader, and resolve activations by name through the registry. */
class RegistryDiscoveryTest {

    /** A "third-party" factory: serves the test activations by name, as a plugin would. */
    private static final class ThirdPartyFactory implements ActivationFactory {
        private final TestActivations activations = new TestActivations();

        @Override
        public Set<String> names() {
            return Set.of("sigmoid", "tanh", "test_swish");
        }

        @Override
        public List<ActivationParameter> parameters(String name) {
            return List.of();
        }

        @Override
        public String describe(String name) {
            return name + " (test)";
        }

        @Override
        public Activation create(ActivationSpec canonicalSpec) {
            return activations.get(canonicalSpec.name());
        }
    }

    @Test
    void serviceLoaderFindsTheThreeCellTypes() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThat(registry.cellType("lstm")).isInstanceOf(LstmCellType.class);
        assertThat(registry.cellType("GRU")).isInstanceOf(GruCellType.class);
        assertThat(registry.cellType("rnn")).isInstanceOf(RnnCellType.class);
    }

    @Test
    void standardCellsServeTheSameTypesWithoutARegistry() {
        assertThat(StandardCells.all()).extracting(CellType::name).containsExactly("lstm", "gru", "rnn");
        assertThat(StandardCells.byName("LSTM")).isInstanceOf(LstmCellType.class);
        assertThatThrownBy(() -> StandardCells.byName("lstn")).isInstanceOf(UnknownCellTypeException.class)
                .hasMessageContaining("did you mean 'lstm'");
    }

    @Test
    void rolesStateTheirDefaultsAndFallbacks() {
        CellType lstm = new LstmCellType();
        assertThat(lstm.roles()).extracting(CellRole::name)
                .containsExactly("gate", "input_gate", "forget_gate", "output_gate", "candidate", "output");
        assertThat(lstm.gates()).containsExactly("i", "o", "f", "c");
        CellSpec spec = CellSpec.builder("lstm").inputSize(1).hiddenSize(1).activation("gate", "relu").build();
        assertThat(lstm.activationFor(spec, "forget_gate").name()).isEqualTo("relu");
        assertThat(lstm.activationFor(spec, "candidate").name()).isEqualTo("tanh");
        assertThat(new GruCellType().roles()).extracting(CellRole::name)
                .containsExactly("gate", "update_gate", "reset_gate", "candidate");
        assertThat(new GruCellType().gates()).containsExactly("z", "r", "h");
        assertThat(new RnnCellType().roles()).extracting(CellRole::name).containsExactly("activation");
    }

    @Test
    void aThirdPartyActivationWorksInAPerGateRoleThroughTheRegistry() {
        // The factory also serves sigmoid and tanh, which the standard activations own: names are owned, so the
        // operator's explicit permission is what lets it take them (without it the whole provider is refused).
        PluginRegistry registry = PluginRegistry.discover(origin -> origin.equals("test.thirdparty"));
        assertThat(registry.add(new ThirdPartyFactory(), "test.thirdparty")).isTrue();
        CellType gru = registry.cellType("gru");
        CellSpec spec = CellSpec.builder("gru").inputSize(2).hiddenSize(2).activation("reset_gate", "TestSwish")
                .build();
        Cell cell = gru.create(spec, CellWeights.zeros(3, spec), registry, registry.defaultBackend());

        assertThat(cell.activation("reset_gate").spec().name()).isEqualTo("test_swish");
        assertThat(cell.activation("update_gate").spec().name()).isEqualTo("sigmoid");
        float[] x = {1, 2, 3, 4};
        assertThat(cell.forward(SequenceBatch.timeMajor(x, 2, 1, 2), null, false, false).y()).hasSize(4);
    }
}
