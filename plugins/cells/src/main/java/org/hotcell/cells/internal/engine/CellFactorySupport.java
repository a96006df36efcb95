package org.hotcell.cells.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.cell.CellRole;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.Names;

/** The checks and lookups every cell type runs in {@code create}, in one place so that they read the same. */
public final class CellFactorySupport {
    private CellFactorySupport() {
    }

    /**
     * Checks that the spec is for this type, names only its roles, and that the weights fit; then resolves
     * every role's activation (own setting, fallback role's, default) through the source.
     *
     * @throws InvalidSpecException                          for a spec of another type or an unknown role
     * @throws org.hotcell.core.error.ShapeMismatchException for weights of the wrong size
     */
    public static Map<String, Activation> prepare(CellType type, CellSpec spec, CellWeights weights,
                                                  ActivationSource source) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(source, "activations");
        if (!Names.key(spec.cellType()).equals(Names.key(type.name()))) {
            throw new InvalidSpecException("cell type '" + type.name() + "' cannot create a cell from a spec for '"
                    + spec.cellType() + "'");
        }
        type.checkRoles(spec);
        weights.check(type.gates().size(), spec);
        if (weights.peepholes() != null && !spec.options().peepholes()) {
            throw new InvalidSpecException(spec.cellType() + " cell has peephole weights P but its peepholes option"
                    + " is off; turn it on or leave P out");
        }
        Map<String, Activation> resolved = new LinkedHashMap<>();
        for (CellRole role : type.roles()) {
            resolved.put(role.name(), source.activation(type.activationFor(spec, role.name())));
        }
        return resolved;
    }

    /** Throws when an option the type has no use for is switched on. */
    public static void rejectOption(CellSpec spec, boolean on, String option) {
        if (on) {
            throw new InvalidSpecException(spec.cellType() + " cell does not support option " + option
                    + "; switch it off");
        }
    }

    /** Wb + Rb per gate row (either may be null; zeros when the bias option is off). */
    public static float[] summedBias(CellSpec spec, CellWeights weights, int width) {
        float[] sum = new float[width];
        if (!spec.options().bias()) {
            return sum;
        }
        add(weights.wBias(), sum);
        add(weights.rBias(), sum);
        return sum;
    }

    private static void add(float[] bias, float[] sum) {
        if (bias != null) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += bias[i];
            }
        }
    }
}
