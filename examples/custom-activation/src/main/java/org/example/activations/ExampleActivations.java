package org.example.activations;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.InvalidSpecException;

/**
 * The plugin's factory: {@code isru(alpha)} (alpha in [0.001, 1000], default 1) and {@code bent_identity}.
 * Hosts find it as a {@link java.util.ServiceLoader} provider (module-info {@code provides}, or
 * {@code META-INF/services}); the Hotcell runtime registers the same {@code META-INF/services} entry as an OSGi
 * service when the jar is dropped into its plugins directory.
 */
public final class ExampleActivations implements ActivationFactory {
    static final String ISRU = "isru";
    static final String BENT_IDENTITY = "bent_identity";

    // alpha's range keeps the output bound 1/sqrt(alpha) within [0.03, 32] and the TCK's saturation and
    // range checks meaningful; nothing in the formula itself breaks outside it, except alpha <= 0.
    private static final List<ActivationParameter> ISRU_PARAMETERS = List.of(ActivationParameter.number(
            "alpha", 1, 1e-3, 1e3, "the curvature; the output lies in (-1/sqrt(alpha), 1/sqrt(alpha))"));

    /** The public no-argument constructor ServiceLoader (and the runtime's OSGi extender) call. */
    public ExampleActivations() {
    }

    @Override
    public Set<String> names() {
        return Set.of(ISRU, BENT_IDENTITY);
    }

    @Override
    public Map<String, String> aliases() {
        return Map.of("inverse_square_root_unit", ISRU);
    }

    @Override
    public List<ActivationParameter> parameters(String name) {
        return switch (checkedName(name)) {
            case ISRU -> ISRU_PARAMETERS;
            default -> List.of();
        };
    }

    @Override
    public String describe(String name) {
        return switch (checkedName(name)) {
            case ISRU -> "x / sqrt(1 + alpha * x^2)";
            default -> "(sqrt(x^2 + 1) - 1) / 2 + x";
        };
    }

    @Override
    public Activation create(ActivationSpec canonicalSpec) {
        return switch (checkedName(canonicalSpec.name())) {
            case ISRU -> new Isru(canonicalSpec);
            default -> new BentIdentity(canonicalSpec);
        };
    }

    private String checkedName(String name) {
        String canonical = canonicalName(name);
        if (canonical == null) {
            throw new InvalidSpecException("the example activations plugin serves " + ISRU + " and "
                    + BENT_IDENTITY + ", not '" + name + "'");
        }
        return canonical;
    }
}
