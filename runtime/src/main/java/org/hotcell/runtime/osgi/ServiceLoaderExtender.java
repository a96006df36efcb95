package org.hotcell.runtime.osgi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.ProviderKind;
import org.hotcell.osgi.RegistryBridge;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Hotcell providers an active bundle lists in {@code META-INF/services} as OSGi services, on the
 * bundle's own context, so that they go when the bundle stops. This is the OSGi Service Loader Mediator idea,
 * narrowed to Hotcell's three service types.
 *
 * <p>It lets a plugin be written once, against hotcell-core only: the same {@code provides} (module-info) and
 * {@code META-INF/services} entries that make it a plugin on the module path or class path make it a plugin in
 * OSGi, with no compile dependency on the OSGi API and no activator. A provider class is made as
 * {@link java.util.ServiceLoader} makes it: a public static {@code provider()} method, else a public no-argument
 * constructor. A backend is registered with {@code service.ranking} = {@link Backend#rank()}.
 *
 * <p>A bundle that registers its services itself (an activator or Declarative Services) opts out with the
 * manifest header {@code Hotcell-Services: self}.
 */
final class ServiceLoaderExtender extends BundleTracker<List<ServiceRegistration<?>>> {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLoaderExtender.class);

    /** The manifest header by which a bundle opts out of registration by this extender. */
    static final String OPT_OUT_HEADER = "Hotcell-Services";

    private static final List<Class<?>> SERVICES =
            Arrays.stream(ProviderKind.values()).map(ProviderKind::type).toList();

    private final java.util.function.Predicate<Bundle> refused;

    ServiceLoaderExtender(BundleContext context, java.util.function.Predicate<Bundle> refused) {
        super(context, Bundle.ACTIVE, null);
        this.refused = refused;
    }

    @Override
    public List<ServiceRegistration<?>> addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getBundleId() == 0 || refused.test(bundle)
                || "self".equalsIgnoreCase(bundle.getHeaders().get(OPT_OUT_HEADER))) {
            return null;
        }
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        for (Class<?> service : SERVICES) {
            URL entry = bundle.getEntry("META-INF/services/" + service.getName());
            if (entry == null) {
                continue;
            }
            for (String className : providerNames(bundle, entry)) {
                ServiceRegistration<?> registration = register(bundle, service, className);
                if (registration != null) {
                    registrations.add(registration);
                }
            }
        }
        return registrations.isEmpty() ? null : registrations;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registrations) {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopping bundle's services itself; nothing left to do.
            }
        }
    }

    private static ServiceRegistration<?> register(Bundle bundle, Class<?> service, String className) {
        String who = RegistryBridge.origin(bundle);
        try {
            Class<?> type = bundle.loadClass(className);
            Object instance = instantiate(type);
            if (!service.isInstance(instance)) {
                // Happens when a bundle carries its own copy of hotcell-core instead of importing the host's.
                LOG.warn("{}: provider {} is not a {} as the host sees it (does the bundle embed its own "
                        + "hotcell-core? it must import org.hotcell.core.* from the host); skipped",
                        who, className, service.getName());
                return null;
            }
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(Constants.SERVICE_RANKING, instance instanceof Backend backend ? backend.rank() : 0);
            properties.put("hotcell.provider", className);
            BundleContext context = bundle.getBundleContext();
            return context == null ? null : context.registerService(service.getName(), instance, properties);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("{}: cannot create provider {} listed for {}: {}; skipped", who, className,
                    service.getSimpleName(), e.toString());
            return null;
        }
    }

    private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
        try {
            Method provider = type.getMethod("provider");
            if (Modifier.isStatic(provider.getModifiers())) {
                return provider.invoke(null);
            }
        } catch (NoSuchMethodException noFactoryMethod) {
            // Fall through to the constructor, as ServiceLoader does.
        }
        return type.getConstructor().newInstance();
    }

    private static List<String> providerNames(Bundle bundle, URL entry) {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(entry.openStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot read {}: {}", RegistryBridge.origin(bundle), entry, e.toString());
        }
        return names;
    }
}
