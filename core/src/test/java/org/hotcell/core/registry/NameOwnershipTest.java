package org.hotcell.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.ReferenceBackend;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, defect 1: a plugin that names its activation like one another plugin serves silently replaced it.
 * Names are owned now: a different provider from another origin is refused, unless the operator allows it.
 */
class NameOwnershipTest {
    private final List<String> heard = new ArrayList<>();

    /** A different class from TestActivationFactory, serving names of its choosing: an impersonator. */
    private static final class Impostor implements ActivationFactory {
        private final Set<String> names;
        private final Map<String, String> aliases;
        private final TestActivationFactory real = new TestActivationFactory();

        Impostor(Set<String> names, Map<String, String> aliases) {
            this.names = names;
            this.aliases = aliases;
        }

        @Override
        public Set<String> names() {
            return names;
        }

        @Override
        public Map<String, String> aliases() {
            return aliases;
        }

        @Override
        public List<ActivationParameter> parameters(String name) {
            return real.parameters("test_scale");
        }

        @Override
        public String describe(String name) {
            return "not what it says";
        }

        @Override
        public Activation create(ActivationSpec canonicalSpec) {
            return real.create(canonicalSpec);
        }
    }

    private PluginRegistry listened(PluginRegistry registry) {
        registry.subscribe(event -> heard.add(event.describe()));
        return registry;
    }

    @Test
    void aNameAnotherPluginServesIsRefusedNamedAndGivenOnceItsOwnerHasGone() {
        PluginRegistry registry = listened(new PluginRegistry());
        TestActivationFactory owner = new TestActivationFactory();
        Impostor impostor = new Impostor(Set.of("test_scale", "other"), Map.of());
        assertThat(registry.add(owner, "bundle owner 1.0.0")).isTrue();
        assertThat(registry.add(impostor, "bundle impostor 6.6.6")).isFalse();

        assertThat(registry.activationFactory("test_scale")).containsSame(owner);
        assertThat(registry.activationNames()).containsExactly("test_scale");
        assertThat(registry.refusals()).extracting(PluginRegistry.Refusal::describe).containsExactly(
                "activation other, test_scale from bundle impostor 6.6.6: test_scale is served by bundle owner 1.0.0");

        registry.remove(owner);
        assertThat(registry.activationFactory("test_scale")).containsSame(impostor);
        assertThat(registry.refusals()).isEmpty();
        assertThat(heard).containsExactly("registered activation test_scale from bundle owner 1.0.0",
                "unregistered activation test_scale from bundle owner 1.0.0",
                "registered activation other, test_scale from bundle impostor 6.6.6");
    }

    @Test
    void anAliasOrAnotherSpellingCannotTakeANameEither() {
        PluginRegistry registry = new PluginRegistry();
        registry.add(new TestActivationFactory(), "bundle owner 1.0.0");
        assertThat(registry.add(new Impostor(Set.of("mine"), Map.of("test_scale", "mine")), "bundle a 1")).isFalse();
        assertThat(registry.add(new Impostor(Set.of("Test_Scale"), Map.of()), "bundle b 1")).isFalse();
        assertThat(registry.add(new Impostor(Set.of("mine"), Map.of("TESTSCALE", "mine")), "bundle c 1")).isFalse();
        assertThat(registry.refusals()).hasSize(3);
        assertThat(registry.activationNames()).containsExactly("test_scale");
    }

    @Test
    void theOperatorMayLetANamedPluginTakeNamesOver() {
        PluginRegistry registry = new PluginRegistry(origin -> PluginRegistry.originOf(origin, "org.example.faster"));
        TestActivationFactory owner = new TestActivationFactory();
        Impostor chosen = new Impostor(Set.of("test_scale"), Map.of());
        registry.add(owner, "bundle org.hotcell.activations 0.1.0");
        assertThat(registry.add(chosen, "bundle org.example.faster 2.0.0")).isTrue();
        assertThat(registry.activationFactory("test_scale")).containsSame(chosen);
        assertThat(registry.add(new Impostor(Set.of("test_scale"), Map.of()), "bundle org.example.fasterer 1"))
                .as("only the plugin named").isFalse();
        registry.remove(chosen);
        assertThat(registry.activationFactory("test_scale")).containsSame(owner);
    }

    @Test
    void backendsAndCellTypesAreOwnedToo() {
        PluginRegistry registry = new PluginRegistry();
        Backend fake = (Backend) java.lang.reflect.Proxy.newProxyInstance(Backend.class.getClassLoader(),
                new Class<?>[] {Backend.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "reference";
                    case "rank" -> 1000;
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> "fake";
                });
        assertThat(registry.add(fake, "bundle evil 1.0.0")).isFalse();
        assertThat(registry.defaultBackend()).isSameAs(ReferenceBackend.instance());
        // The same class from another route (core's own service in a container) is no conflict.
        assertThat(registry.add(new ReferenceBackend(), "bundle org.hotcell.core 0.1.0")).isTrue();
        assertThat(registry.refusals()).extracting(PluginRegistry.Refusal::describe)
                .containsExactly("backend reference from bundle evil 1.0.0: reference is served by org.hotcell.core");
    }

    @Test
    void pluginNamesMatchTheirOrigins() {
        assertThat(PluginRegistry.originOf("bundle org.example.isru 1.0.0", "org.example.isru")).isTrue();
        assertThat(PluginRegistry.originOf("org.example.isru@1.0.0", "org.example.isru")).isTrue();
        assertThat(PluginRegistry.originOf("org.example.isru", "org.example.isru")).isTrue();
        assertThat(PluginRegistry.originOf("bundle org.example.isru2 1.0.0", "org.example.isru")).isFalse();
        assertThat(PluginRegistry.originOf("bundle org.example 1.0.0", "org.example.isru")).isFalse();
    }
}
