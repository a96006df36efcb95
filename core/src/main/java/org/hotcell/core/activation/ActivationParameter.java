package org.hotcell.core.activation;

import java.util.List;
import java.util.Objects;

/**
 * One parameter an activation accepts, as its factory declares it: its name, its default, and what values
 * are valid. Numeric parameters have a closed range; word parameters a list of allowed words.
 *
 * @param name         the parameter's name, e.g. {@code alpha}
 * @param defaultValue the value used when the spec does not give one
 * @param min          the smallest valid number (numeric parameters; -inf when unbounded)
 * @param max          the largest valid number (numeric parameters; +inf when unbounded)
 * @param words        the valid words (word parameters; empty for numeric ones)
 * @param description  one line on what the parameter does
 */
public record ActivationParameter(String name, ParamValue defaultValue, double min, double max,
                                  List<String> words, String description) {

    public ActivationParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        words = List.copyOf(words);
        Objects.requireNonNull(description, "description");
        if (defaultValue instanceof ParamValue.Word w && !words.contains(w.value())) {
            throw new IllegalArgumentException("default word '" + w.value() + "' of parameter '" + name
                    + "' is not among its words " + words);
        }
    }

    /** A numeric parameter that takes any finite or infinite value in {@code [min, max]}. */
    public static ActivationParameter number(String name, double defaultValue, double min, double max,
                                             String description) {
        return new ActivationParameter(name, new ParamValue.Number(defaultValue), min, max, List.of(), description);
    }

    /** A numeric parameter with no range limit. */
    public static ActivationParameter number(String name, double defaultValue, String description) {
        return number(name, defaultValue, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, description);
    }

    /** A word parameter that takes one of {@code words}. */
    public static ActivationParameter word(String name, String defaultWord, List<String> words, String description) {
        return new ActivationParameter(name, new ParamValue.Word(defaultWord), Double.NaN, Double.NaN, words,
                description);
    }

    /** Whether the parameter takes a number (else a word). */
    public boolean isNumeric() {
        return defaultValue instanceof ParamValue.Number;
    }

    /** What would be valid, in words, for error messages: {@code a number in [0, inf]} or {@code one of a, b}. */
    public String validValues() {
        if (!isNumeric()) {
            return "one of " + String.join(", ", words);
        }
        if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
            return "any number";
        }
        return "a number in [" + new ParamValue.Number(min).text() + ", " + new ParamValue.Number(max).text() + "]";
    }

    /** Whether {@code value} is valid for this parameter. */
    public boolean accepts(ParamValue value) {
        return switch (value) {
            case ParamValue.Number n -> isNumeric() && !Double.isNaN(n.value()) && n.value() >= min && n.value() <= max;
            case ParamValue.Word w -> !isNumeric() && words.contains(w.value());
        };
    }
}
