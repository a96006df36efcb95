package org.hotcell.core.activation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hotcell.core.error.InvalidSpecException;

/**
 * An activation by name with its parameters, as written in text: {@code tanh}, {@code leaky_relu(alpha=0.1)},
 * {@code hard_sigmoid(0.2, 0.5)} or {@code gelu(approximate=tanh)}.
 *
 * <p>Parameters are either positional or named (a spec may mix them, positional first). Positional values
 * take the meaning of the factory's declared parameter order; {@link ActivationFactory#canonical} turns a
 * spec into its all-named, defaults-filled form. ONNX's {@code activation_alpha}/{@code activation_beta}
 * map onto positional parameters.
 *
 * <p>The text form round-trips: {@code parse(spec.toString())} equals {@code spec}.
 *
 * @param name       the activation's name as written; lookups ignore case and underscores
 * @param positional parameters given by position
 * @param named      parameters given by name, in the order written
 */
public record ActivationSpec(String name, List<ParamValue> positional, Map<String, ParamValue> named) {

    /** @throws InvalidSpecException when the name or a parameter name is not an identifier */
    public ActivationSpec {
        Objects.requireNonNull(name, "name");
        if (!ActivationSpecParser.isIdentifier(name)) {
            throw new InvalidSpecException("activation name '" + name
                    + "' is not an identifier (letters, digits and '_', starting with a letter)");
        }
        positional = List.copyOf(positional);
        for (String key : named.keySet()) {
            if (!ActivationSpecParser.isIdentifier(key)) {
                throw new InvalidSpecException("parameter name '" + key + "' of activation '" + name
                        + "' is not an identifier");
            }
        }
        named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
    }

    /** A spec with no parameters. */
    public static ActivationSpec of(String name) {
        return new ActivationSpec(name, List.of(), Map.of());
    }

    /** A spec with named numeric parameters given as alternating name, value pairs. */
    public static ActivationSpec of(String name, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        Map<String, ParamValue> named = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            named.put((String) namesAndValues[i], value instanceof java.lang.Number n
                    ? ParamValue.of(n.doubleValue()) : ParamValue.of(value.toString()));
        }
        return new ActivationSpec(name, List.of(), named);
    }

    /**
     * Parses spec text.
     *
     * @throws InvalidSpecException naming the position and what was expected, when the text is malformed
     */
    public static ActivationSpec parse(String text) {
        return new ActivationSpecParser(text).parse();
    }

    /** Whether the spec has any parameter. */
    public boolean hasParameters() {
        return !positional.isEmpty() || !named.isEmpty();
    }

    /** The named parameter {@code key}, if written by name. */
    public Optional<ParamValue> param(String key) {
        return Optional.ofNullable(named.get(key));
    }

    /**
     * The numeric value of named parameter {@code key}; for use on canonical specs, where every declared
     * parameter is named.
     *
     * @throws InvalidSpecException when the parameter is absent or is a word
     */
    public double number(String key) {
        ParamValue value = named.get(key);
        if (value instanceof ParamValue.Number n) {
            return n.value();
        }
        throw new InvalidSpecException("activation '" + this + "' needs a number for parameter '" + key + "', found "
                + (value == null ? "none" : value.text()));
    }

    /**
     * The word value of named parameter {@code key}; for use on canonical specs.
     *
     * @throws InvalidSpecException when the parameter is absent or is a number
     */
    public String word(String key) {
        ParamValue value = named.get(key);
        if (value instanceof ParamValue.Word w) {
            return w.value();
        }
        throw new InvalidSpecException("activation '" + this + "' needs a word for parameter '" + key + "', found "
                + (value == null ? "none" : value.text()));
    }

    /** The text form: {@code name} or {@code name(p0, p1, key=value, ...)}. */
    @Override
    public String toString() {
        if (!hasParameters()) {
            return name;
        }
        StringBuilder text = new StringBuilder(name).append('(');
        String separator = "";
        for (ParamValue value : positional) {
            text.append(separator).append(value.text());
            separator = ", ";
        }
        for (Map.Entry<String, ParamValue> entry : named.entrySet()) {
            text.append(separator).append(entry.getKey()).append('=').append(entry.getValue().text());
            separator = ", ";
        }
        return text.append(')').toString();
    }
}
