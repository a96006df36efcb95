package org.hotcell.osgi.internal;

import java.util.Hashtable;
import java.util.Set;
import java.util.TreeSet;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.osgi.RegistryBridge;
import org.hotcell.osgi.RegistryServiceFactory;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link Registry} service while this bundle is active: a {@link PluginRegistry} fed by a
 * {@link RegistryBridge} from every Hotcell service in the framework, served per consumer bundle by a
 * {@link RegistryServiceFactory}. Each registry change is logged as one line on {@code org.hotcell.registry}.
 */
public final class RegistryActivator implements BundleActivator {
    /** Framework property: comma-separated bundle symbolic names that may take names other bundles serve. */
    public static final String ALLOW_OVERRIDE = "hotcell.registry.allowOverride";

    private static final Logger REGISTRY_LOG = LoggerFactory.getLogger("org.hotcell.registry");

    private RegistryBridge bridge;
    private Registry.Subscription logging;
    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        VectorApiCheck.warnIfMissing(context);
        // Names are owned: only the plugins an operator lists here may take a name another plugin serves.
        Set<String> overriders = new TreeSet<>();
        String allowed = context.getProperty(ALLOW_OVERRIDE);
        if (allowed != null) {
            for (String plugin : allowed.split(",")) {
                if (!plugin.isBlank()) {
                    overriders.add(plugin.strip());
                }
            }
        }
        PluginRegistry registry = new PluginRegistry(
                origin -> overriders.stream().anyMatch(plugin -> PluginRegistry.originOf(origin, plugin)));
        logging = registry.subscribe(event -> REGISTRY_LOG.info("{}", event.describe()));
        bridge = new RegistryBridge(context, registry);
        bridge.open();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_DESCRIPTION, "Hotcell registry of activations, cell types and backends");
        registration = context.registerService(Registry.class.getName(), new RegistryServiceFactory(registry),
                properties);
    }

    @Override
    public void stop(BundleContext context) {
        // Unpublish first, so that nobody finds a registry that is being emptied.
        registration.unregister();
        bridge.close();
        logging.close();
    }
}
