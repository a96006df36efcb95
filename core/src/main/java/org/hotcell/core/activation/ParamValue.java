package org.hotcell.core.activation;

/**
 * The value of one activation parameter: a number ({@code alpha=0.1}) or a word ({@code approximate=tanh}).
 */
public sealed interface ParamValue permits ParamValue.Number, ParamValue.Word {

    /** The value as written in spec text; parsing this text gives an equal value back. */
    String text();

    /** A numeric parameter value. */
    record Number(double value) implements ParamValue {
        @Override
        public String text() {
            if (Double.isInfinite(value)) {
                return value > 0 ? "inf" : "-inf";
            }
            return Double.toString(value);
        }
    }

    /** A word-valued parameter, such as {@code approximate=tanh}. */
    record Word(String value) implements ParamValue {
        /** @throws IllegalArgumentException when the word is not an identifier */
        public Word {
            if (!ActivationSpecParser.isIdentifier(value)) {
                throw new IllegalArgumentException("a word parameter must be an identifier, got '" + value + "'");
            }
        }

        @Override
        public String text() {
            return value;
        }
    }

    /** A number value. */
    static ParamValue of(double value) {
        return new Number(value);
    }

    /** A word value. */
    static ParamValue of(String word) {
        return new Word(word);
    }
}
