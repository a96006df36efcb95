package org.hotcell.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.junit.jupiter.api.Test;

class RegistryServiceFactoryTest {
    private final PluginRegistry shared = new PluginRegistry();
    private final RegistryServiceFactory factory = new RegistryServiceFactory(shared);

    /** A backend that only has a name and a rank: enough to make registry changes with. */
    private static Backend named(String name) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name", "toString" -> name;
                    case "rank", "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void eachBundleSeesTheSharedRegistry() {
        Registry first = factory.getService(null, null);
        Registry second = factory.getService(null, null);
        assertThat(first).isNotSameAs(second);
        shared.add(named("extra"), "test");
        assertThat(first.backends()).extracting(Backend::name).contains("extra");
        assertThat(second.backend("extra").name()).isEqualTo("extra");
    }

    @Test
    void releasingTheServiceEndsTheBundlesSubscriptions() {
        Registry view = factory.getService(null, null);
        List<String> heard = new CopyOnWriteArrayList<>();
        view.subscribe(event -> heard.add(event.describe()));
        shared.add(named("one"), "test");
        assertThat(heard).containsExactly("registered backend one from test");

        factory.ungetService(null, null, view);
        shared.add(named("two"), "test");
        assertThat(heard).as("nothing heard after the bundle released the service").hasSize(1);
    }

    @Test
    void closingASubscriptionItselfStillWorksAndIsForgotten() {
        Registry view = factory.getService(null, null);
        List<String> heard = new CopyOnWriteArrayList<>();
        Registry.Subscription subscription = view.subscribe(event -> heard.add(event.describe()));
        subscription.close();
        shared.add(named("three"), "test");
        assertThat(heard).isEmpty();
        factory.ungetService(null, null, view);
    }
}
