package org.hotcell.runtime.guice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Scopes;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.registry.Registry;
import org.hotcell.runtime.models.BackendChoice;
import org.hotcell.runtime.models.HostedModels;
import org.hotcell.runtime.models.ModelService;
import org.hotcell.runtime.osgi.FelixHost;
import org.hotcell.runtime.osgi.FelixOptions;
import org.hotcell.runtime.plain.LayerHost;
import org.hotcell.runtime.plugin.PluginHost;
import org.hotcell.runtime.testing.ModelFixtures;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Guice module over both hosts: the same bindings, a working model service, and no plugin instance held. */
class HotcellModuleIT {
    @TempDir
    Path plugins;
    @TempDir
    Path models;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"osgi", "plain"})
    void bindsTheRegistryFacadeAndAModelServiceButNoPluginInstance(String mode) throws Exception {
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        ModelFixtures.writeSpec(models, "standard", ModelFixtures.rnnSpec("tanh", "last_step"));
        HotcellConfig config = new HotcellConfig(plugins, models, 0, BackendChoice.AUTO, Duration.ofMillis(100));
        try (PluginHost host = mode.equals("osgi")
                ? FelixHost.start(FelixOptions.fromBuild(plugins, TrustPolicy.allowAll()).withPoll(config.poll()))
                : LayerHost.start(plugins, TrustPolicy.allowAll(), config.poll())) {
            Injector injector = Guice.createInjector(new HotcellModule(config, host));
            assertThat(injector.getInstance(Registry.class)).isSameAs(host.registry());
            assertThat(injector.getInstance(BackendChoice.class)).isEqualTo(BackendChoice.AUTO);
            ModelService service = injector.getInstance(ModelService.class);
            assertThat(injector.getInstance(ModelService.class)).isSameAs(service);
            try {
                assertThat(service.infer("standard", ModelFixtures.batch()).shape()).containsExactly(2, 2);
                for (Binding<?> binding : injector.getAllBindings().values()) {
                    Key<?> key = binding.getKey();
                    if (key.getTypeLiteral().getRawType().getName().startsWith("com.google.inject")
                            || key.getTypeLiteral().getRawType() == java.util.logging.Logger.class) {
                        continue;
                    }
                    Object instance = injector.getInstance(key);
                    assertThat(instance).as("binding %s", key).isNotInstanceOfAny(ActivationFactory.class,
                            Activation.class, CellType.class, Backend.class);
                    if (Scopes.isSingleton(binding)) {
                        assertThat(instance.getClass().getClassLoader()).as("singleton %s", key)
                                .isSameAs(HotcellModule.class.getClassLoader());
                    }
                }
            } finally {
                ((HostedModels) service).close();
            }
        }
    }
}
