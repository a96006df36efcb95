package org.hotcell.example.embedding.internal;

import java.util.Hashtable;
import java.util.function.Supplier;

import org.hotcell.core.error.HotcellException;
import org.hotcell.core.registry.Registry;
import org.hotcell.example.embedding.ForwardDemo;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example as a bundle: it tracks the {@link Registry} service and, whenever what the registry offers
 * changes, runs {@link ForwardDemo} and logs its line if it differs from the last one (the first pass may run
 * on the reference backend, a later one on the SIMD backend once its bundle has started).
 *
 * <p>It also publishes the outputs as a {@code java.util.function.Supplier} service with the property
 * {@code hotcell.example=forward}: a {@code java.*} type, so that code outside the framework (the container
 * tests) can call it without sharing Hotcell's classes.
 */
public final class EmbeddingActivator implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger("org.hotcell.example.embedding");

    private ServiceTracker<Registry, Registry> tracker;
    private ServiceRegistration<?> outputs;
    private String lastLine;

    @Override
    public void start(BundleContext context) {
        tracker = new ServiceTracker<>(context, Registry.class, null) {
            private Registry.Subscription subscription;

            @Override
            public Registry addingService(ServiceReference<Registry> reference) {
                Registry registry = context.getService(reference);
                if (registry != null) {
                    subscription = registry.subscribe(event -> report(registry));
                    report(registry);
                }
                return registry;
            }

            @Override
            public void removedService(ServiceReference<Registry> reference, Registry registry) {
                subscription.close();
                context.ungetService(reference);
            }
        };
        tracker.open();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("hotcell.example", "forward");
        Supplier<float[]> forward = () -> {
            Registry registry = tracker.getService();
            if (registry == null) {
                throw new IllegalStateException("no org.hotcell.core.registry.Registry service (is org.hotcell.osgi "
                        + "active?)");
            }
            return ForwardDemo.run(registry);
        };
        outputs = context.registerService(Supplier.class.getName(), forward, properties);
    }

    @Override
    public void stop(BundleContext context) {
        outputs.unregister();
        tracker.close();
    }

    private synchronized void report(Registry registry) {
        String line;
        try {
            line = ForwardDemo.line(registry);
        } catch (HotcellException notYet) {
            // The cells or activations bundle has not published its services yet; a later change retries.
            LOG.debug("forward pass not possible yet: {}", notYet.getMessage());
            return;
        }
        if (!line.equals(lastLine)) {
            lastLine = line;
            LOG.info("{}", line);
        }
    }
}
