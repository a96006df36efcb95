package org.hotcell.containers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The {@code Registry} service as a test outside the framework sees it. Its classes come from the hotcell-core
 * bundle's class loader, not from the test's class path, so the calls go through the bundle's own
 * {@code Registry} interface by reflection (only strings and lists cross over).
 */
final class RegistryProbe {
    static final String REGISTRY = "org.hotcell.core.registry.Registry";

    private final Object registry;
    private final Class<?> api;

    private RegistryProbe(Object registry, Class<?> api) {
        this.registry = registry;
        this.api = api;
    }

    /** The registry service, or null when none is registered (yet). */
    static RegistryProbe find(BundleContext context) {
        // All references, not only those assignable to the test's own class path copy of Registry: the system
        // bundle's class loader has hotcell-core too (for the plain-Java side), a different class.
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(REGISTRY, null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        ServiceReference<?> reference = references == null ? null : references[0];
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return null;
        }
        try {
            return new RegistryProbe(service, reference.getBundle().loadClass(REGISTRY));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<String> activationNames() {
        return (List<String>) call("activationNames");
    }

    List<String> cellTypes() {
        return names((List<?>) call("cellTypes"), "org.hotcell.core.cell.CellType");
    }

    /** Backend names, highest rank first. */
    List<String> backends() {
        return names((List<?>) call("backends"), "org.hotcell.core.backend.Backend");
    }

    /** {@code registry.activation(spec).apply(x)}. */
    float apply(String spec, float x) {
        Object activation = call("activation", spec);
        try {
            Method apply = api.getClassLoader().loadClass("org.hotcell.core.activation.Activation")
                    .getMethod("apply", float.class);
            return (float) apply.invoke(activation, x);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Subscribes a listener that records each event's {@code describe()} line. */
    List<String> recordEvents() {
        List<String> events = new CopyOnWriteArrayList<>();
        try {
            Class<?> listener = api.getClassLoader().loadClass("org.hotcell.core.registry.RegistryListener");
            Object proxy = Proxy.newProxyInstance(listener.getClassLoader(), new Class<?>[] {listener},
                    (self, method, args) -> switch (method.getName()) {
                        case "changed" -> {
                            events.add((String) args[0].getClass().getMethod("describe").invoke(args[0]));
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> "recording listener";
                    });
            api.getMethod("subscribe", listener).invoke(registry, proxy);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return events;
    }

    private Object call(String method, Object... args) {
        try {
            for (Method candidate : api.getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length
                        && (args.length == 0 || candidate.getParameterTypes()[0] == String.class)) {
                    return candidate.invoke(registry, args);
                }
            }
            throw new AssertionError("Registry has no method " + method);
        } catch (InvocationTargetException e) {
            throw new AssertionError("Registry." + method + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> names(List<?> providers, String type) {
        List<String> names = new ArrayList<>();
        try {
            Method name = api.getClassLoader().loadClass(type).getMethod("name");
            for (Object provider : providers) {
                names.add((String) name.invoke(provider));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return names;
    }
}
