package org.hotcell.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.example.embedding.ForwardDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container whose JVM was started without {@code --add-modules jdk.incubator.vector} (the build runs this
 * class in a JVM of its own without it): the SIMD backend's bundle cannot resolve, yet every activation is
 * there (scalar loops), the reference backend serves, the forward pass is right, and the log says why, once.
 */
class FelixWithoutVectorApiTest {
    @TempDir
    Path storage;

    @Test
    void aContainerThatDoesNotOfferTheVectorApiKeepsEveryActivationAndSaysWhyOnce() throws Exception {
        try (StandardError log = StandardError.capture();
             Container container = Container.start(storage, Map.of())) {
            checkScalarContainer(container);
            assertThat(Container.stateName(container.bundle("org.hotcell.backend.simd").getState()))
                    .as("the SIMD bundle cannot resolve").isEqualTo("INSTALLED");
            assertWarnedOnce(log.text(), "start the JVM with --add-modules jdk.incubator.vector and add "
                    + "jdk.incubator.vector to org.osgi.framework.system.packages.extra");
        }
    }

    @Test
    void aSystemPackageWithoutTheModuleBehindItIsCaughtToo() throws Exception {
        // The guide's framework property without the JVM option: the SIMD bundle resolves against an export
        // with no classes behind it, and must still not leave a broken backend in the registry.
        try (StandardError log = StandardError.capture();
             Container container = Container.start(storage, ContainerContract.DOCUMENTED)) {
            checkScalarContainer(container);
            // SPI Fly registers a service factory that then fails to make the backend: the registry leaves it
            // out, and says so.
            assertWarnedOnce(log.text(), "the system bundle exports it but the JVM was started without it");
            assertThat(log.text()).containsPattern("bundle org.hotcell.backend.simd \\S+: its backend service \\d+ "
                    + "could not be obtained");
        }
    }

    private static void checkScalarContainer(Container container) throws Exception {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).as("this JVM must lack the Vector API")
                .isEmpty();
        // The plain-Java side: the SIMD backend's jar is on the class path too, and discovery must skip it
        // (it cannot start without the Vector API) and keep everything else.
        PluginRegistry plain = PluginRegistry.discover();
        assertThat(plain.backends()).extracting(b -> b.name()).containsExactly("reference");

        RegistryProbe registry = ContainerContract.awaitComplete(container, List.of("reference"));
        assertThat(registry.activationNames()).containsAll(ContainerContract.STANDARD_ACTIVATIONS)
                .containsExactlyElementsOf(plain.activationNames());
        assertThat(registry.cellTypes()).containsExactly("gru", "lstm", "rnn");
        assertThat(Container.stateName(container.bundle("org.hotcell.activations").getState())).isEqualTo("ACTIVE");
        ContainerContract.assertClose(ContainerContract.forwardFromConsumer(container),
                ForwardDemo.run(plain, ReferenceBackend.instance()));
    }

    private static void assertWarnedOnce(String log, String fix) {
        assertThat(log.split(java.util.regex.Pattern.quote(ContainerContract.VECTOR_WARNING), -1))
                .as("one warning in:%n%s", log).hasSize(2);
        assertThat(log).contains(fix);
    }
}
