package org.hotcell.model.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.HotcellException;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;

/**
 * A model spec as JSON text. Activations are written as spec text ({@code leaky_relu(alpha=0.1)}), so the file
 * holds names that any host resolves through its own plugins. Shape:
 *
 * <pre>{@code
 * {"format": "hotcell-model", "version": 1, "input_size": 2,
 *  "layers": [{"cell": "lstm", "hidden_size": 64, "direction": "forward", "merge": "concat",
 *              "activations": {"gate": "sigmoid", "candidate": "tanh", "output": "tanh"},
 *              "options": {"bias": true, "peepholes": false, "input_forget": false, "clip": null,
 *                          "linear_before_reset": false}}],
 *  "head": {"outputs": 1, "readout": "last_step"}}
 * }</pre>
 *
 * Roles are written in alphabetical order, so a spec always gives the same text. A {@code clip} of null means
 * none. Reading rejects unknown formats and versions and names the field at fault.
 */
public final class ModelSpecJson {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "hotcell-model";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelSpecJson() {
    }

    /** The spec as indented JSON text. */
    public static String write(ModelSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("input_size", spec.inputSize());
        var layers = root.putArray("layers");
        for (LayerSpec layer : spec.layers()) {
            ObjectNode node = layers.addObject();
            node.put("cell", layer.cellType());
            node.put("hidden_size", layer.hiddenSize());
            node.put("direction", layer.direction().name().toLowerCase(java.util.Locale.ROOT));
            node.put("merge", layer.merge().name().toLowerCase(java.util.Locale.ROOT));
            ObjectNode activations = node.putObject("activations");
            // Sorted by role, so that the same spec always gives the same bytes.
            new java.util.TreeMap<>(layer.activations())
                    .forEach((role, activation) -> activations.put(role, activation.toString()));
            ObjectNode options = node.putObject("options");
            CellOptions o = layer.options();
            options.put("bias", o.bias());
            options.put("peepholes", o.peepholes());
            options.put("input_forget", o.inputForget());
            if (o.clipped()) {
                options.put("clip", o.clip());
            } else {
                options.putNull("clip");
            }
            options.put("linear_before_reset", o.linearBeforeReset());
        }
        ObjectNode head = root.putObject("head");
        head.put("outputs", spec.head().outputs());
        head.put("readout", spec.head().readout().text());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a model spec as JSON", e);
        }
    }

    /**
     * Parses spec JSON; {@code source} names the file in errors.
     *
     * @throws BadModelException naming the file, the field path and what was expected
     */
    public static ModelSpec read(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadModelException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadModelException(source + " does not hold a JSON object");
        }
        String format = text(root, "format", source);
        if (!format.equals(FORMAT)) {
            throw new BadModelException(source + ": format is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = integer(root, "version", source);
        if (version != VERSION) {
            throw new BadModelException(source + ": version " + version + " is not supported; this Hotcell reads "
                    + VERSION);
        }
        try {
            int inputSize = integer(root, "input_size", source);
            JsonNode layersNode = root.path("layers");
            if (!layersNode.isArray()) {
                throw new BadModelException(source + ": field 'layers' must be an array");
            }
            List<LayerSpec> layers = new ArrayList<>();
            for (int i = 0; i < layersNode.size(); i++) {
                layers.add(layer(layersNode.get(i), source + ": layers[" + i + "]"));
            }
            JsonNode head = root.path("head");
            String at = source + ": head";
            return new ModelSpec(inputSize, layers, new HeadSpec(integer(head, "outputs", at),
                    Readout.parse(text(head, "readout", at))));
        } catch (BadModelException e) {
            throw e;
        } catch (HotcellException e) {
            throw new BadModelException(source + ": " + e.getMessage(), e);
        }
    }

    private static LayerSpec layer(JsonNode node, String at) {
        String cell = text(node, "cell", at);
        int hidden = integer(node, "hidden_size", at);
        Direction direction = Direction.parse(text(node, "direction", at));
        MergeMode merge = MergeMode.parse(text(node, "merge", at));
        Map<String, ActivationSpec> activations = new LinkedHashMap<>();
        JsonNode activationsNode = node.path("activations");
        if (!activationsNode.isMissingNode() && !activationsNode.isObject()) {
            throw new BadModelException(at + ".activations must be an object of role to activation spec text");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = activationsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new BadModelException(at + ".activations." + entry.getKey() + " must be spec text such as "
                        + "\"tanh\", got " + entry.getValue());
            }
            try {
                activations.put(entry.getKey(), ActivationSpec.parse(entry.getValue().asText()));
            } catch (HotcellException e) {
                throw new BadModelException(at + ".activations." + entry.getKey() + ": " + e.getMessage(), e);
            }
        }
        JsonNode options = node.path("options");
        String optionsAt = at + ".options";
        JsonNode clipNode = options.path("clip");
        float clip = clipNode.isMissingNode() || clipNode.isNull() ? Float.POSITIVE_INFINITY : (float) number(options,
                "clip", optionsAt);
        CellOptions cellOptions = new CellOptions(bool(options, "bias", optionsAt), bool(options, "peepholes", optionsAt),
                bool(options, "input_forget", optionsAt), clip, bool(options, "linear_before_reset", optionsAt));
        return new LayerSpec(cell, hidden, activations, cellOptions, direction, merge);
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new BadModelException(at + ": field '" + field + "' must be a string, got "
                    + (value.isMissingNode() ? "nothing" : value.toString()));
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new BadModelException(at + ": field '" + field + "' must be an integer, got "
                    + (value.isMissingNode() ? "nothing" : value.toString()));
        }
        return value.asInt();
    }

    private static double number(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new BadModelException(at + ": field '" + field + "' must be a number, got "
                    + (value.isMissingNode() ? "nothing" : value.toString()));
        }
        return value.asDouble();
    }

    private static boolean bool(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new BadModelException(at + ": field '" + field + "' must be true or false, got "
                    + (value.isMissingNode() ? "nothing" : value.toString()));
        }
        return value.asBoolean();
    }
}
