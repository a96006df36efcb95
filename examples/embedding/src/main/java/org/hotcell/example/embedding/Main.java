package org.hotcell.example.embedding;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;

/**
 * Hotcell on the plain module path: ServiceLoader finds the plugins the module path holds (cells, activations,
 * the SIMD backend when {@code --add-modules jdk.incubator.vector} is given) and the forward pass runs.
 *
 * <pre>{@code
 * java --add-modules jdk.incubator.vector --module-path <hotcell jars, slf4j> \
 *     -m org.hotcell.example.embedding/org.hotcell.example.embedding.Main
 * }</pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Registry registry = PluginRegistry.discover();
        System.out.println("cell types: " + registry.cellTypes().stream().map(t -> t.name()).toList()
                + ", backends: " + registry.backends().stream().map(b -> b.name()).toList()
                + ", activations: " + registry.activationNames().size());
        System.out.println(ForwardDemo.line(registry));
    }
}
