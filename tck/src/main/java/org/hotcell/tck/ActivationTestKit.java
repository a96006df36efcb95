package org.hotcell.tck;

import java.util.List;
import java.util.stream.Stream;

import org.hotcell.core.activation.Activation;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * A base class for one small test class per plugin: list the activations (one per parameter setting worth
 * checking) and, if the bulk forms are not bit-identical to the scalar ones, the tolerance they promise.
 *
 * <pre>{@code
 * class MyActivationTckTest extends ActivationTestKit {
 *     protected List<Activation> activations() {
 *         return List.of(new MyActivation(0.5), new MyActivation(2));
 *     }
 *     protected ActivationContract configure(ActivationContract contract, Activation activation) {
 *         return contract.bulkTolerance(new Tolerance(2, 0));
 *     }
 * }
 * }</pre>
 */
public abstract class ActivationTestKit {

    /** For subclasses: a plugin's test class. */
    protected ActivationTestKit() {
    }

    /** The activations to check. */
    protected abstract List<Activation> activations();

    /** Adjusts the contract of one activation (tolerances, seed); returns it unchanged by default. */
    protected ActivationContract configure(ActivationContract contract, Activation activation) {
        return contract;
    }

    /** One container of dynamic tests per activation. */
    @TestFactory
    protected Stream<DynamicNode> activationContract() {
        return activations().stream().map(a -> configure(ActivationContract.of(a), a).container());
    }
}
