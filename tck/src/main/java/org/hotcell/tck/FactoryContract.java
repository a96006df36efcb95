package org.hotcell.tck;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.activation.ParamValue;
import org.hotcell.core.error.InvalidSpecException;
import org.junit.jupiter.api.DynamicNode;

/**
 * The checks the TCK runs over an {@link ActivationFactory}: every name it serves is described, has valid
 * defaults and creates an activation whose spec is the canonical one; aliases lead to served names; a bad
 * parameter (unknown, out of range, of the wrong kind) fails with an {@link InvalidSpecException} that names it.
 */
public final class FactoryContract {
    private final ActivationFactory factory;

    private FactoryContract(ActivationFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The contract for one factory. */
    public static FactoryContract of(ActivationFactory factory) {
        return new FactoryContract(factory);
    }

    /** One dynamic test per check and served name. */
    public Stream<DynamicNode> tests() {
        Stream<DynamicNode> perName = factory.names().stream().sorted().map(name -> dynamicTest(
                name + ": defaults, description and bad parameters", () -> checkName(name)));
        return Stream.concat(Stream.of(dynamicTest("aliases lead to served names", this::checkAliases)), perName);
    }

    /** Each alias maps to a served name, and canonicalName resolves the alias to it. */
    public void checkAliases() {
        for (Map.Entry<String, String> alias : factory.aliases().entrySet()) {
            if (!factory.names().contains(alias.getValue())) {
                fail("alias '" + alias.getKey() + "' maps to '" + alias.getValue() + "', which is not among the names "
                        + factory.names());
            }
            if (!alias.getValue().equals(factory.canonicalName(alias.getKey()))) {
                fail("alias '" + alias.getKey() + "' resolves to '" + factory.canonicalName(alias.getKey())
                        + "', expected '" + alias.getValue() + "'");
            }
        }
    }

    /**
     * The name is described; its default spec is canonical and creates an activation with that spec; an
     * unknown parameter, and each numeric parameter just outside its range, fail naming the parameter.
     */
    public void checkName(String name) {
        if (factory.describe(name) == null || factory.describe(name).isBlank()) {
            fail("'" + name + "' has no description");
        }
        ActivationSpec canonical = factory.canonical(ActivationSpec.of(name));
        List<ActivationParameter> parameters = factory.parameters(name);
        if (!canonical.named().keySet().equals(new java.util.LinkedHashSet<>(
                parameters.stream().map(ActivationParameter::name).toList()))) {
            fail("the canonical spec of '" + name + "' is " + canonical + ", but the declared parameters are "
                    + parameters);
        }
        Activation activation = factory.create(canonical);
        if (!canonical.equals(activation.spec())) {
            fail("'" + name + "' created from " + canonical + " reports spec " + activation.spec());
        }
        expectRejected(ActivationSpec.of(name, "no_such_parameter", 1.0), "no_such_parameter");
        for (ActivationParameter parameter : parameters) {
            List<ParamValue> bad = new ArrayList<>();
            if (parameter.isNumeric()) {
                if (Double.isFinite(parameter.min())) {
                    bad.add(ParamValue.of(parameter.min() - 1 - Math.abs(parameter.min())));
                }
                if (Double.isFinite(parameter.max())) {
                    bad.add(ParamValue.of(parameter.max() + 1 + Math.abs(parameter.max())));
                }
                bad.add(ParamValue.of("not_a_number"));
            } else {
                bad.add(ParamValue.of(12.5));
            }
            for (ParamValue value : bad) {
                expectRejected(new ActivationSpec(name, List.of(), Map.of(parameter.name(), value)), parameter.name());
            }
        }
    }

    private void expectRejected(ActivationSpec spec, String parameter) {
        try {
            factory.create(factory.canonical(spec));
        } catch (InvalidSpecException e) {
            if (!e.getMessage().contains(parameter)) {
                fail("'" + spec + "' was rejected, but the message does not name '" + parameter + "': "
                        + e.getMessage());
            }
            return;
        }
        fail("'" + spec + "' was accepted; expected an InvalidSpecException naming '" + parameter + "'");
    }
}
