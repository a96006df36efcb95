package org.hotcell.core.cell;

import java.util.List;
import java.util.Optional;

import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.error.InvalidSpecException;

/**
 * Plugin SPI: a kind of recurrent cell ({@code lstm}, {@code gru}, {@code rnn}, ...). It states its gate
 * layout and activation roles and makes {@link Cell}s. Registered like every plugin: ServiceLoader provider and
 * OSGi service.
 */
public interface CellType {

    /** The type's name, e.g. {@code lstm}. */
    String name();

    /** The cell's equations, in one paragraph of text. */
    String describe();

    /**
     * The gate blocks of W, R and the biases in order, e.g. {@code [i, o, f, c]} for an LSTM in ONNX's order.
     * Their count G sizes the weights ({@code G*H} rows).
     */
    List<String> gates();

    /** Whether the cell carries a cell state c besides h (LSTM does). */
    boolean hasCellState();

    /** The roles where an activation applies, with their defaults and fallbacks. */
    List<CellRole> roles();

    /**
     * Makes a cell. Activations are resolved now through {@code activations}; weights are checked against
     * the spec and packed for {@code backend}.
     *
     * @throws InvalidSpecException                           when the spec names a role this type lacks or
     *                                                        an option it does not support
     * @throws org.hotcell.core.error.ShapeMismatchException  when a weight has the wrong size
     * @throws org.hotcell.core.error.UnknownActivationException when an activation is not installed
     */
    Cell create(CellSpec spec, CellWeights weights, ActivationSource activations, Backend backend);

    /** The role named {@code name}, if this type has it. */
    default Optional<CellRole> role(String name) {
        return roles().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The activation spec a role gets under {@code spec}: the role's own setting, else its fallback role's,
     * else the role's default.
     *
     * @throws InvalidSpecException when the role is not one of this type's
     */
    default ActivationSpec activationFor(CellSpec spec, String roleName) {
        CellRole role = role(roleName).orElseThrow(() -> unknownRole(roleName));
        ActivationSpec own = spec.activations().get(role.name());
        if (own != null) {
            return own;
        }
        if (role.fallback() != null) {
            ActivationSpec inherited = spec.activations().get(role.fallback());
            if (inherited != null) {
                return inherited;
            }
            CellRole parent = role(role.fallback()).orElseThrow(() -> unknownRole(role.fallback()));
            return parent.defaultSpec();
        }
        return role.defaultSpec();
    }

    /**
     * Checks that every role the spec sets is one of this type's.
     *
     * @throws InvalidSpecException naming the unknown role and the valid ones
     */
    default void checkRoles(CellSpec spec) {
        for (String roleName : spec.activations().keySet()) {
            if (role(roleName).isEmpty()) {
                throw unknownRole(roleName);
            }
        }
    }

    private InvalidSpecException unknownRole(String roleName) {
        return new InvalidSpecException("cell type '" + name() + "' has no activation role '" + roleName
                + "'; its roles are " + roles().stream().map(CellRole::name).toList());
    }
}
