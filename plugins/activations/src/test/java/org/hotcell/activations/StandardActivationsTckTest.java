package org.hotcell.activations;

import java.util.List;
import java.util.stream.Stream;

import org.hotcell.activations.function.BulkAccuracy;
import org.hotcell.activations.function.StandardActivation;
import org.hotcell.core.activation.Activation;
import org.hotcell.tck.ActivationContract;
import org.hotcell.tck.ActivationTestKit;
import org.hotcell.tck.FactoryContract;
import org.hotcell.tck.Tolerance;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the TCK over every standard activation, found through the registry as any host would find it, with
 * defaults and with the non-default parameter settings of {@link Variants}; and over the factory itself.
 */
class StandardActivationsTckTest extends ActivationTestKit {

    @Override
    protected List<Activation> activations() {
        return Variants.SPECS.stream().map(spec -> Variants.registry().activation(spec)).toList();
    }

    @Override
    protected ActivationContract configure(ActivationContract contract, Activation activation) {
        BulkAccuracy accuracy = ((StandardActivation) activation).bulkAccuracy();
        return contract.bulkTolerance(new Tolerance(accuracy.ulps(), accuracy.absolute()));
    }

    @TestFactory
    Stream<DynamicNode> factoryContract() {
        return FactoryContract.of(new StandardActivations()).tests();
    }
}
