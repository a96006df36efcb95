package org.hotcell.onnx.proto;

import java.util.List;
import java.util.Objects;

import org.hotcell.onnx.Tensor;

/**
 * An ONNX {@code AttributeProto}: a named constant parameter of a node. Only the field its {@link #type} names
 * is meaningful; the others hold their empty values.
 *
 * @param name    the attribute's name, e.g. {@code hidden_size}
 * @param type    which value field is set
 * @param f       FLOAT value (field 2)
 * @param i       INT value (field 3)
 * @param s       STRING value (field 4), decoded as UTF-8
 * @param t       TENSOR value (field 5), or null
 * @param floats  FLOATS value (field 7)
 * @param ints    INTS value (field 8)
 * @param strings STRINGS value (field 9)
 */
public record Attribute(String name, AttributeType type, float f, long i, String s, Tensor t, float[] floats,
                        long[] ints, List<String> strings) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        s = s == null ? "" : s;
        floats = floats == null ? new float[0] : floats;
        ints = ints == null ? new long[0] : ints;
        strings = strings == null ? List.of() : List.copyOf(strings);
    }

    /** A FLOAT attribute. */
    public static Attribute ofFloat(String name, float value) {
        return new Attribute(name, AttributeType.FLOAT, value, 0, null, null, null, null, null);
    }

    /** An INT attribute. */
    public static Attribute ofInt(String name, long value) {
        return new Attribute(name, AttributeType.INT, 0, value, null, null, null, null, null);
    }

    /** A STRING attribute. */
    public static Attribute ofString(String name, String value) {
        return new Attribute(name, AttributeType.STRING, 0, 0, value, null, null, null, null);
    }

    /** A TENSOR attribute. */
    public static Attribute ofTensor(String name, Tensor value) {
        return new Attribute(name, AttributeType.TENSOR, 0, 0, null, value, null, null, null);
    }

    /** A FLOATS attribute. */
    public static Attribute ofFloats(String name, float... values) {
        return new Attribute(name, AttributeType.FLOATS, 0, 0, null, null, values.clone(), null, null);
    }

    /** An INTS attribute. */
    public static Attribute ofInts(String name, long... values) {
        return new Attribute(name, AttributeType.INTS, 0, 0, null, null, null, values.clone(), null);
    }

    /** A STRINGS attribute. */
    public static Attribute ofStrings(String name, List<String> values) {
        return new Attribute(name, AttributeType.STRINGS, 0, 0, null, null, null, null, values);
    }
}
