package org.hotcell.core.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcell.core.error.InvalidSpecException;

/** A small recursive-descent parser for activation spec text; see {@link ActivationSpec}. */
final class ActivationSpecParser {
    private final String text;
    private int pos;

    ActivationSpecParser(String text) {
        if (text == null) {
            throw new InvalidSpecException("activation spec is missing (null)");
        }
        this.text = text;
    }

    static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || !Character.isLetter(s.charAt(0)) || s.charAt(0) > 127) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
                return false;
            }
        }
        return true;
    }

    ActivationSpec parse() {
        skipSpaces();
        if (pos == text.length()) {
            throw error("an activation name", "an empty spec");
        }
        String name = identifier("an activation name");
        List<ParamValue> positional = new ArrayList<>();
        Map<String, ParamValue> named = new LinkedHashMap<>();
        skipSpaces();
        if (peek('(')) {
            pos++;
            skipSpaces();
            if (peek(')')) {
                pos++;
            } else {
                parameters(name, positional, named);
            }
        }
        skipSpaces();
        if (pos != text.length()) {
            throw error("the end of the spec", "'" + text.substring(pos) + "'");
        }
        return new ActivationSpec(name, positional, named);
    }

    private void parameters(String name, List<ParamValue> positional, Map<String, ParamValue> named) {
        while (true) {
            skipSpaces();
            int start = pos;
            if (isNamedParameterHere()) {
                String key = identifier("a parameter name");
                skipSpaces();
                pos++; // the '=' seen by isNamedParameterHere
                skipSpaces();
                if (named.containsKey(key)) {
                    pos = start;
                    throw error("each parameter once", "parameter '" + key + "' given twice");
                }
                named.put(key, value(key));
            } else {
                if (!named.isEmpty()) {
                    throw error("a named parameter (positional parameters come first)", describeHere());
                }
                positional.add(value("#" + positional.size()));
            }
            skipSpaces();
            if (peek(',')) {
                pos++;
            } else if (peek(')')) {
                pos++;
                return;
            } else {
                throw error("',' or ')'", describeHere());
            }
        }
    }

    /** Whether an identifier followed by '=' starts here (else a positional number or word does). */
    private boolean isNamedParameterHere() {
        int at = pos;
        if (at >= text.length() || !Character.isLetter(text.charAt(at))) {
            return false;
        }
        while (at < text.length() && text.charAt(at) < 128
                && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at < text.length() && text.charAt(at) == '=';
    }

    private ParamValue value(String key) {
        skipSpaces();
        if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            String word = identifier("a value for '" + key + "'");
            return switch (word.toLowerCase(java.util.Locale.ROOT)) {
                case "inf", "infinity" -> new ParamValue.Number(Double.POSITIVE_INFINITY);
                case "nan" -> throw error("a number for '" + key + "'", "NaN");
                default -> new ParamValue.Word(word);
            };
        }
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(start, pos);
        if (number.equals("-") && text.startsWith("inf", pos)) {
            identifier("inf");
            return new ParamValue.Number(Double.NEGATIVE_INFINITY);
        }
        try {
            if (number.isEmpty()) {
                throw new NumberFormatException();
            }
            return new ParamValue.Number(Double.parseDouble(number));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number or a word for '" + key + "'", describeHere());
        }
    }

    private String identifier(String what) {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) < 128
                && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String id = text.substring(start, pos);
        if (!isIdentifier(id)) {
            pos = start;
            throw error(what, describeHere());
        }
        return id;
    }

    private boolean peek(char ch) {
        return pos < text.length() && text.charAt(pos) == ch;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String describeHere() {
        return pos >= text.length() ? "the end of the text" : "'" + text.charAt(pos) + "'";
    }

    private InvalidSpecException error(String expected, String found) {
        return new InvalidSpecException("cannot parse activation spec '" + text + "' at column " + (pos + 1)
                + ": expected " + expected + ", found " + found);
    }
}
