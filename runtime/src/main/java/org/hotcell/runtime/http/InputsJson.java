package org.hotcell.runtime.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.runtime.models.InputBatch;

/**
 * Reads the {@code "inputs"} of a request body: {@code N x T x I} nested arrays for inference, {@code N x I} for a
 * streaming step. Every error names the path of the offending element and what was expected.
 */
final class InputsJson {
    private InputsJson() {
    }

    /** {@code {"inputs": [[[...]]]}}: N sequences of T steps of I numbers each. */
    static InputBatch sequences(ObjectMapper json, byte[] body) {
        JsonNode inputs = inputs(json, body);
        int n = inputs.size();
        int t = -1;
        int features = -1;
        InputBatch batch = null;
        SequenceBatch rows = null;
        for (int item = 0; item < n; item++) {
            JsonNode steps = array(inputs.get(item), "inputs[" + item + "]", "an array of steps");
            if (t < 0) {
                t = steps.size();
                if (t == 0) {
                    throw bad("inputs[0] has no steps; every sequence needs at least one");
                }
            } else if (steps.size() != t) {
                throw bad("inputs[" + item + "] has " + steps.size() + " steps but inputs[0] has " + t
                        + "; every sequence must have the same length");
            }
            for (int step = 0; step < t; step++) {
                String at = "inputs[" + item + "][" + step + "]";
                JsonNode row = array(steps.get(step), at, "an array of numbers");
                if (features < 0) {
                    features = row.size();
                    if (features == 0) {
                        throw bad(at + " is empty; a step needs at least one feature");
                    }
                    batch = new InputBatch(new float[Math.multiplyExact(Math.multiplyExact(n, t), features)], n, t,
                            features);
                    rows = batch.sequences();
                } else if (row.size() != features) {
                    throw bad(at + " has " + row.size() + " features but inputs[0][0] has " + features);
                }
                int offset = rows.rowOffset(step, item);
                for (int i = 0; i < features; i++) {
                    rows.data()[offset + i] = number(row.get(i), at + "[" + i + "]");
                }
            }
        }
        return batch;
    }

    /** {@code {"inputs": [[...]]}}: one step of I numbers for each of N items. */
    static InputBatch step(ObjectMapper json, byte[] body) {
        JsonNode inputs = inputs(json, body);
        int n = inputs.size();
        int features = -1;
        float[] data = null;
        for (int item = 0; item < n; item++) {
            String at = "inputs[" + item + "]";
            JsonNode row = array(inputs.get(item), at, "an array of numbers (one step: N x I)");
            if (features < 0) {
                features = row.size();
                if (features == 0) {
                    throw bad(at + " is empty; a step needs at least one feature");
                }
                data = new float[n * features];
            } else if (row.size() != features) {
                throw bad(at + " has " + row.size() + " features but inputs[0] has " + features);
            }
            for (int i = 0; i < features; i++) {
                data[item * features + i] = number(row.get(i), at + "[" + i + "]");
            }
        }
        return new InputBatch(data, n, 1, features);
    }

    private static JsonNode inputs(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad("the body cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("the body must be a JSON object with an \"inputs\" array");
        }
        JsonNode inputs = root.get("inputs");
        if (inputs == null) {
            throw bad("the body has no \"inputs\" field");
        }
        array(inputs, "inputs", "an array with one entry per batch item");
        if (inputs.isEmpty()) {
            throw bad("inputs is empty; give at least one batch item");
        }
        return inputs;
    }

    private static JsonNode array(JsonNode node, String at, String expected) {
        if (node == null || !node.isArray()) {
            throw bad(at + " is " + (node == null ? "missing" : node.getNodeType().toString().toLowerCase(
                    java.util.Locale.ROOT)) + ", expected " + expected);
        }
        return node;
    }

    private static float number(JsonNode node, String at) {
        if (node == null || !node.isNumber()) {
            throw bad(at + " is " + (node == null ? "missing" : node.toString()) + ", expected a number");
        }
        float value = node.floatValue();
        if (!Float.isFinite(value)) {
            throw bad(at + " is " + node + ", which is not a finite float32");
        }
        return value;
    }

    private static RequestException bad(String message) {
        return RequestException.badRequest(message);
    }
}
