package org.hotcell.onnx.internal.recurrent;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.HotcellException;
import org.hotcell.onnx.internal.graph.NodeArgs;
import org.hotcell.onnx.mapping.ActivationFunction;
import org.hotcell.onnx.mapping.RecurrentAttribute;
import org.hotcell.onnx.mapping.RecurrentOperator;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.AttributeType;

/**
 * Turns a recurrent node's {@code activations}, {@code activation_alpha} and {@code activation_beta} into one
 * {@link ActivationSpec} per function and direction.
 *
 * <p>The ONNX rule: the functions are listed for the forward direction, then for the reverse one. The alpha list
 * is consumed in list order by the functions that take an alpha, the beta list likewise by those that take a beta
 * ({@link ActivationFunction} says which). A function whose value is missing from a list keeps its default.
 */
final class ActivationList {

    private ActivationList() {
    }

    /** The specs, {@code directions * operator.slots().size()} of them, forward direction first. */
    static List<ActivationSpec> resolve(NodeArgs args, RecurrentOperator operator, int directions) {
        int functions = operator.slots().size();
        Attribute listed = args.attribute(RecurrentAttribute.ACTIVATIONS.onnxName(), AttributeType.STRINGS);
        List<String> names = new ArrayList<>();
        if (listed == null) {
            for (int d = 0; d < directions; d++) {
                for (RecurrentOperator.ActivationSlot slot : operator.slots()) {
                    names.add(slot.defaultFunction().onnxName());
                }
            }
        } else if (listed.strings().size() == functions * directions) {
            names.addAll(listed.strings());
        } else if (directions == 2 && listed.strings().size() == functions) {
            // Some writers list the functions once for both directions.
            names.addAll(listed.strings());
            names.addAll(listed.strings());
        } else {
            throw args.fail("attribute 'activations' lists " + listed.strings().size() + " functions "
                    + listed.strings() + "; " + operator + " with " + directions + " direction(s) needs "
                    + functions * directions);
        }
        float[] alphas = floats(args, RecurrentAttribute.ACTIVATION_ALPHA);
        float[] betas = floats(args, RecurrentAttribute.ACTIVATION_BETA);
        int nextAlpha = 0;
        int nextBeta = 0;
        List<ActivationSpec> specs = new ArrayList<>();
        for (String name : names) {
            ActivationFunction function = ActivationFunction.named(name).orElse(null);
            Float alpha = function != null && function.takesAlpha() && nextAlpha < alphas.length
                    ? alphas[nextAlpha++] : null;
            Float beta = function != null && function.takesBeta() && nextBeta < betas.length
                    ? betas[nextBeta++] : null;
            try {
                specs.add(ActivationFunction.spec(name, alpha, beta));
            } catch (HotcellException e) {
                throw args.fail("activation '" + name + "' in attribute 'activations': " + e.getMessage());
            }
        }
        return specs;
    }

    private static float[] floats(NodeArgs args, RecurrentAttribute attribute) {
        Attribute value = args.attribute(attribute.onnxName(), AttributeType.FLOATS);
        return value == null ? new float[0] : value.floats();
    }
}
