package org.hotcell.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellType;
import org.junit.jupiter.api.Test;

/** Each kind's service interface and the names its providers serve. */
class ProviderKindTest {

    @Test
    void eachKindNamesItsServiceInterface() {
        assertThat(ProviderKind.ACTIVATION.type()).isEqualTo(ActivationFactory.class);
        assertThat(ProviderKind.CELL_TYPE.type()).isEqualTo(CellType.class);
        assertThat(ProviderKind.BACKEND.type()).isEqualTo(Backend.class);
    }

    @Test
    void namesAreAFactorysCanonicalNamesOrAProvidersOwnName() {
        assertThat(ProviderKind.ACTIVATION.names(new TestActivationFactory())).containsExactly("test_scale");
        assertThat(ProviderKind.BACKEND.names(ReferenceBackend.instance())).containsExactly("reference");
    }

    @Test
    void aProviderOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> ProviderKind.CELL_TYPE.names(new TestActivationFactory()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Hotcell provider of kind cell type (org.hotcell.core.cell.CellType)");
        assertThatThrownBy(() -> new PluginRegistry().add(ProviderKind.BACKEND, new TestActivationFactory(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
