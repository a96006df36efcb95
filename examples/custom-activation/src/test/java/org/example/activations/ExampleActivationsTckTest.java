package org.example.activations;

import java.util.List;
import java.util.stream.Stream;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.tck.ActivationContract;
import org.hotcell.tck.ActivationTestKit;
import org.hotcell.tck.FactoryContract;
import org.hotcell.tck.Tolerance;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The Hotcell TCK over this plugin, run as any plugin author runs it: the activations come from a registry
 * that found the plugin through META-INF/services, exactly as a host finds it.
 */
class ExampleActivationsTckTest extends ActivationTestKit {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @Override
    protected List<Activation> activations() {
        return Stream.of("isru", "isru(alpha=0.001)", "isru(0.25)", "isru(alpha=4)", "isru(alpha=1000)",
                        "bent_identity")
                .map(text -> REGISTRY.activation(ActivationSpec.parse(text)))
                .toList();
    }

    /** The bulk forms do the scalar forms' operations in the same order, so they promise exact agreement. */
    @Override
    protected ActivationContract configure(ActivationContract contract, Activation activation) {
        return contract.bulkTolerance(Tolerance.EXACT);
    }

    @TestFactory
    Stream<DynamicNode> factoryContract() {
        return FactoryContract.of(new ExampleActivations()).tests();
    }
}
