package org.hotcell.onnx.internal.recurrent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.activation.ParamValue;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.Names;
import org.hotcell.onnx.internal.graph.NodeArgs;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.AttributeType;

/**
 * Turns a recurrent node's {@code activations}, {@code activation_alpha} and {@code activation_beta} into one
 * {@link ActivationSpec} per function and direction.
 *
 * <p>The ONNX rule: the functions are listed for the forward direction, then for the reverse one. The alpha list
 * is consumed in list order by the functions that take an alpha (LeakyRelu, ThresholdedRelu, Elu, HardSigmoid,
 * ScaledTanh, Affine), the beta list likewise by those that take a beta (HardSigmoid, ScaledTanh, Affine). A
 * function whose value is missing from a list keeps its default. Values become positional parameters: alpha
 * first, then beta ({@code LeakyRelu(0.1)}, {@code HardSigmoid(0.2, 0.5)}).
 */
final class ActivationList {
    private static final Set<String> TAKES_ALPHA = Set.of("leakyrelu", "thresholdedrelu", "elu", "hardsigmoid",
            "scaledtanh", "affine");
    private static final Set<String> TAKES_BETA = Set.of("hardsigmoid", "scaledtanh", "affine");

    private ActivationList() {
    }

    /** The specs, {@code directions * kind.functions()} of them, forward direction first. */
    static List<ActivationSpec> resolve(NodeArgs args, RecurrentKind kind, int directions) {
        Attribute listed = args.attribute("activations", AttributeType.STRINGS);
        List<String> names = new ArrayList<>();
        if (listed == null) {
            for (int d = 0; d < directions; d++) {
                names.addAll(kind.defaultActivations);
            }
        } else if (listed.strings().size() == kind.functions() * directions) {
            names.addAll(listed.strings());
        } else if (directions == 2 && listed.strings().size() == kind.functions()) {
            // Some writers list the functions once for both directions.
            names.addAll(listed.strings());
            names.addAll(listed.strings());
        } else {
            throw args.fail("attribute 'activations' lists " + listed.strings().size() + " functions "
                    + listed.strings() + "; " + kind + " with " + directions + " direction(s) needs "
                    + kind.functions() * directions);
        }
        float[] alphas = floats(args, "activation_alpha");
        float[] betas = floats(args, "activation_beta");
        int nextAlpha = 0;
        int nextBeta = 0;
        List<ActivationSpec> specs = new ArrayList<>();
        for (String name : names) {
            String key = Names.key(name);
            List<ParamValue> positional = new ArrayList<>();
            Map<String, ParamValue> named = new LinkedHashMap<>();
            boolean hasAlpha = false;
            if (TAKES_ALPHA.contains(key) && nextAlpha < alphas.length) {
                positional.add(new ParamValue.Number(alphas[nextAlpha++]));
                hasAlpha = true;
            }
            if (TAKES_BETA.contains(key) && nextBeta < betas.length) {
                ParamValue beta = new ParamValue.Number(betas[nextBeta++]);
                if (hasAlpha) {
                    positional.add(beta);
                } else {
                    named.put("beta", beta);
                }
            }
            try {
                specs.add(new ActivationSpec(name, positional, named));
            } catch (HotcellException e) {
                throw args.fail("activation '" + name + "' in attribute 'activations': " + e.getMessage());
            }
        }
        return specs;
    }

    private static float[] floats(NodeArgs args, String name) {
        Attribute attribute = args.attribute(name, AttributeType.FLOATS);
        return attribute == null ? new float[0] : attribute.floats();
    }
}
