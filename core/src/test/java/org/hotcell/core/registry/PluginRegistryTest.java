package org.hotcell.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.UnknownActivationException;
import org.hotcell.core.error.UnknownBackendException;
import org.hotcell.core.error.UnknownCellTypeException;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    @Test
    void discoversTheTestProviderThroughServiceLoader() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThat(registry.activationNames()).contains("test_scale");
        Activation activation = registry.activation("TestScale(k=3)");
        assertThat(activation.apply(2f)).isEqualTo(6f);
        assertThat(activation.spec()).hasToString("test_scale(k=3.0)");
        assertThat(registry.origin(ProviderKind.ACTIVATION, "test_scale")).hasValueSatisfying(
                origin -> assertThat(origin).startsWith("class path"));
    }

    @Test
    void theReferenceBackendIsAlwaysThereAndIsTheDefaultAlone() {
        PluginRegistry registry = new PluginRegistry();
        assertThat(registry.defaultBackend()).isSameAs(ReferenceBackend.instance());
        assertThat(registry.backend("Reference")).isSameAs(ReferenceBackend.instance());
        assertThat(PluginRegistry.discover().backends()).extracting(Backend::name).containsExactly("reference");
    }

    @Test
    void unknownNamesListTheKnownOnesAndSuggest() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThatThrownBy(() -> registry.activation("test_scael"))
                .isInstanceOf(UnknownActivationException.class)
                .hasMessageContaining("unknown activation 'test_scael'; did you mean 'test_scale'?")
                .hasMessageContaining("known: ")
                .hasMessageContaining("test_scale");
        assertThatThrownBy(() -> registry.cellType("lstm")).isInstanceOf(UnknownCellTypeException.class)
                .hasMessage("unknown cell type 'lstm'; no cell type is installed");
        assertThatThrownBy(() -> registry.backend("simd")).isInstanceOf(UnknownBackendException.class)
                .hasMessageContaining("known: reference");
        assertThatThrownBy(() -> registry.activation("test_scale(k=11)")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("parameter 'k' is 11.0, but must be a number in [0.0, 10.0]");
    }

    @Test
    void listenersHearAddAndRemoveAndTheLastRegisteredWins() {
        PluginRegistry registry = new PluginRegistry();
        List<String> heard = new ArrayList<>();
        Registry.Subscription subscription = registry.subscribe(e -> heard.add(e.describe()));

        TestActivationFactory first = new TestActivationFactory();
        TestActivationFactory second = new TestActivationFactory();
        registry.add(first, "bundle one 1.0.0");
        registry.add(second, "bundle two 2.0.0");
        assertThat(registry.origin(ProviderKind.ACTIVATION, "test_scale")).contains("bundle two 2.0.0");
        assertThat(registry.activationFactory("test_scale")).containsSame(second);

        assertThat(registry.remove(second)).isTrue();
        assertThat(registry.remove(second)).isFalse();
        assertThat(registry.activationFactory("TEST_SCALE")).containsSame(first);

        subscription.close();
        registry.remove(first);
        assertThat(heard).containsExactly(
                "registered activation test_scale from bundle one 1.0.0",
                "registered activation test_scale from bundle two 2.0.0",
                "unregistered activation test_scale from bundle two 2.0.0");
        assertThat(registry.activationNames()).isEmpty();
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthersOrTheChange() {
        PluginRegistry registry = new PluginRegistry();
        List<String> heard = new ArrayList<>();
        registry.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        registry.subscribe(e -> heard.add(e.change().name()));
        registry.add(new TestActivationFactory(), "x");
        assertThat(heard).containsExactly("ADDED");
        assertThat(registry.activationNames()).containsExactly("test_scale");
    }

    @Test
    void somethingThatIsNoProviderIsRefused() {
        // The typed overloads make this a compile error; the by-kind entry of service trackers checks at run time.
        assertThatThrownBy(() -> new PluginRegistry().add(ProviderKind.ACTIVATION, "a string", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Hotcell provider");
    }
}
