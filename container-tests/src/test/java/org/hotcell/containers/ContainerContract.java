package org.hotcell.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.example.embedding.ForwardDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * What a user who drops Hotcell's bundles into a stock OSGi R8 framework gets, checked the same way in each
 * framework: every standard activation, cell type and backend published as a service (by SPI Fly, from the
 * bundles' {@code osgi.serviceloader} capabilities), one {@code Registry} service that sees them, a consumer
 * bundle (examples/embedding) whose forward pass equals the plain-Java one, and a third-party plugin
 * (examples/custom-activation) that comes and goes.
 */
abstract class ContainerContract {
    /** The standard activation set, as the README lists it. */
    static final List<String> STANDARD_ACTIVATIONS = List.of("sigmoid", "tanh", "hard_tanh", "relu", "leaky_relu",
            "hard_sigmoid", "softsign", "softplus", "elu", "selu", "affine", "scaled_tanh", "scaled_sigmoid",
            "thresholded_relu", "identity", "silu", "gelu", "mish", "penalized_tanh");

    /** The one framework property the embedding guide asks for (the JVM runs with the Vector API module). */
    static final Map<String, String> DOCUMENTED = Map.of("org.osgi.framework.system.packages.extra",
            "jdk.incubator.vector");

    /** The same plugins on the class path, through ServiceLoader: what plain Java sees. */
    static final Registry PLAIN = PluginRegistry.discover();

    /** The one line the hotcell-osgi bundle logs when the framework does not offer the Vector API. */
    static final String VECTOR_WARNING = "the Vector API (jdk.incubator.vector) is missing";

    @TempDir
    Path storage;

    /** The system bundle's symbolic name of the framework under test. */
    abstract String frameworkName();

    @Test
    void everyStandardServiceIsPublishedAndTheRegistryServiceSeesIt() throws Exception {
        try (StandardError log = StandardError.capture(); Container container = Container.start(storage, DOCUMENTED)) {
            assertThat(container.frameworkName()).isEqualTo(frameworkName());
            RegistryProbe registry = awaitComplete(container, List.of("simd", "reference"));

            assertThat(registry.activationNames()).containsAll(STANDARD_ACTIVATIONS)
                    .containsExactlyElementsOf(PLAIN.activationNames());
            assertThat(registry.cellTypes()).containsExactly("gru", "lstm", "rnn");
            assertThat(registry.backends()).containsExactly("simd", "reference");

            // The services themselves, as any bundle sees them without Hotcell's registry.
            List<String> activations = container.providersOf("org.hotcell.core.activation.ActivationFactory");
            List<String> cells = container.providersOf("org.hotcell.core.cell.CellType");
            List<String> backends = container.providersOf("org.hotcell.core.backend.Backend");
            assertThat(activations).containsExactly("org.hotcell.activations");
            assertThat(cells).containsExactly("org.hotcell.cells", "org.hotcell.cells", "org.hotcell.cells");
            assertThat(backends).containsExactlyInAnyOrder("org.hotcell.core", "org.hotcell.backend.simd");
            assertThat(container.providersOf(RegistryProbe.REGISTRY)).containsExactly("org.hotcell.osgi");
            assertThat(log.text()).doesNotContain(VECTOR_WARNING)
                    .contains("registered activation affine, elu, gelu")
                    .contains("registered cell type lstm from bundle org.hotcell.cells");
            System.out.printf("[%s] services: ActivationFactory from %s (%d names), CellType %s from %s, Backend %s "
                    + "from %s, Registry from org.hotcell.osgi%n", frameworkName(), activations,
                    registry.activationNames().size(), registry.cellTypes(), cells.get(0), registry.backends(),
                    backends);
        }
    }

    @Test
    void aConsumerBundleGetsThePlainJavaForwardPassThroughTheRegistryService() throws Exception {
        try (Container container = Container.start(storage, DOCUMENTED)) {
            awaitComplete(container, List.of("simd", "reference"));
            float[] inContainer = forwardFromConsumer(container);
            float[] plain = ForwardDemo.run(PLAIN);
            assertThat(PLAIN.defaultBackend().name()).isEqualTo("simd");
            assertClose(inContainer, plain);
        }
    }

    @Test
    void aThirdPartyActivationAppearsWhenInstalledAndGoesWhenUninstalled() throws Exception {
        try (Container container = Container.start(storage, DOCUMENTED)) {
            RegistryProbe registry = awaitComplete(container, List.of("simd", "reference"));
            List<String> events = registry.recordEvents();
            assertThat(registry.activationNames()).doesNotContain("isru");

            Path jar = Container.pluginJars().get(0);
            Bundle plugin = container.context().installBundle(jar.toUri().toString());
            plugin.start();
            container.await("isru in the registry", () -> registry.activationNames().contains("isru"));
            assertThat(registry.activationNames()).contains("isru", "bent_identity");
            assertThat(events).contains("registered activation bent_identity, isru from bundle org.example.activations "
                    + plugin.getVersion());
            // isru(x) = x / sqrt(1 + alpha x^2), served by the plugin through the registry.
            assertThat(registry.apply("isru(alpha=1)", 2f)).isCloseTo((float) (2 / Math.sqrt(5)), within(1e-6f));

            plugin.uninstall();
            container.await("isru gone from the registry", () -> !registry.activationNames().contains("isru"));
            assertThat(events).contains("unregistered activation bent_identity, isru from bundle "
                    + "org.example.activations " + plugin.getVersion());
            assertThat(registry.activationNames()).containsExactlyElementsOf(PLAIN.activationNames());
        }
    }

    /** Waits for the registry service to list every standard activation, the three cells and these backends. */
    static RegistryProbe awaitComplete(Container container, List<String> backends) throws InterruptedException {
        RegistryProbe[] found = new RegistryProbe[1];
        container.await("the Registry service with every standard service and backends " + backends, () -> {
            if (found[0] == null) {
                found[0] = RegistryProbe.find(container.context());
            }
            return found[0] != null && found[0].activationNames().containsAll(STANDARD_ACTIVATIONS)
                    && found[0].cellTypes().size() == 3 && found[0].backends().equals(backends);
        }, () -> found[0] == null ? "no Registry service" : "activations " + found[0].activationNames()
                + ", cell types " + found[0].cellTypes() + ", backends " + found[0].backends());
        return found[0];
    }

    /** The consumer bundle's forward pass, through the {@code Supplier} service it publishes. */
    static float[] forwardFromConsumer(Container container) throws Exception {
        Bundle consumer = container.bundle("org.hotcell.example.embedding");
        assertThat(Container.stateName(consumer.getState())).isEqualTo("ACTIVE");
        ServiceReference<?>[] references = container.context()
                .getServiceReferences(Supplier.class.getName(), "(hotcell.example=forward)");
        assertThat(references).hasSize(1);
        @SuppressWarnings("unchecked")
        Supplier<float[]> forward = (Supplier<float[]>) container.context().getService(references[0]);
        return forward.get();
    }

    static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("y[%d]", i).isCloseTo(expected[i], within(1e-6f));
        }
        float largest = 0;
        for (float v : actual) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest).as("largest |y|").isGreaterThan(0.05f);
    }

}
