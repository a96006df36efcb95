package org.hotcell.runtime.cli;

import java.util.List;

import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ParamValue;

/** The JSON form of {@code hotcell activations --json}: an array with one object per activation. */
final class ActivationsJson {
    private ActivationsJson() {
    }

    /**
     * {@code [{"name": ..., "parameters": [{"name", "default"}], "formula", "range", "min", "max", "bounded",
     * "monotonic", "zeroCentred", "saturating", "smooth", "kinks"}]}; infinite bounds are null, since JSON has
     * no infinity.
     */
    static String write(List<ActivationsCommand.Row> rows) {
        StringBuilder json = new StringBuilder("[");
        String separator = "\n  ";
        for (ActivationsCommand.Row row : rows) {
            ActivationProperties p = row.properties();
            json.append(separator).append('{');
            field(json, "name", string(row.name())).append(", ");
            json.append("\"parameters\": [");
            String inner = "";
            for (ActivationParameter parameter : row.parameters()) {
                json.append(inner).append("{\"name\": ").append(string(parameter.name())).append(", \"default\": ")
                        .append(value(parameter.defaultValue())).append('}');
                inner = ", ";
            }
            json.append("], ");
            field(json, "formula", string(row.formula())).append(", ");
            field(json, "range", string(p.rangeText())).append(", ");
            field(json, "min", number(p.min())).append(", ");
            field(json, "max", number(p.max())).append(", ");
            field(json, "bounded", Boolean.toString(p.bounded())).append(", ");
            field(json, "monotonic", Boolean.toString(p.monotonic())).append(", ");
            field(json, "zeroCentred", Boolean.toString(p.zeroCentred())).append(", ");
            field(json, "saturating", Boolean.toString(p.saturating())).append(", ");
            field(json, "smooth", Boolean.toString(p.smooth())).append(", ");
            json.append("\"kinks\": [");
            inner = "";
            for (double kink : p.kinks()) {
                json.append(inner).append(number(kink));
                inner = ", ";
            }
            json.append("]}");
            separator = ",\n  ";
        }
        return json.append(rows.isEmpty() ? "]" : "\n]").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return json.append('"').append(name).append("\": ").append(value);
    }

    private static String value(ParamValue value) {
        return switch (value) {
            case ParamValue.Number n -> number(n.value());
            case ParamValue.Word w -> string(w.value());
        };
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String string(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (ch < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
