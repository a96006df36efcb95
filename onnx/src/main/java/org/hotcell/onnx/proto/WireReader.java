package org.hotcell.onnx.proto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import org.hotcell.core.error.BadModelException;

/**
 * A guarded view of protobuf's {@link CodedInputStream} over the bytes of one file: every length read from the
 * input is checked against the bytes that remain before anything is allocated for it, so corrupt lengths fail
 * fast with a {@link BadModelException} instead of an allocation the size of a random number.
 *
 * <p>The methods that take a field's tag read that field's value after checking the tag's wire type against the
 * schema's; {@code what} names the field ({@code NodeProto.op_type}) in every message.
 */
final class WireReader {
    private final CodedInputStream in;
    private final String source;

    WireReader(byte[] bytes, String source) {
        this.in = CodedInputStream.newInstance(bytes);
        this.source = source;
        try {
            in.pushLimit(bytes.length);
        } catch (IOException e) {
            throw corrupt("the input", e);
        }
    }

    /** The next field tag, or 0 at the end of the current message. */
    int tag() {
        try {
            return in.readTag();
        } catch (IOException e) {
            throw corrupt("a field tag", e);
        }
    }

    long varint(String what) {
        try {
            return in.readRawVarint64();
        } catch (IOException e) {
            throw corrupt(what, e);
        }
    }

    float fixed32Float(String what) {
        try {
            return Float.intBitsToFloat(in.readRawLittleEndian32());
        } catch (IOException e) {
            throw corrupt(what, e);
        }
    }

    double fixed64Double(String what) {
        try {
            return Double.longBitsToDouble(in.readRawLittleEndian64());
        } catch (IOException e) {
            throw corrupt(what, e);
        }
    }

    /** Bytes left before the end of the message being read. */
    int remaining() {
        return in.getBytesUntilLimit();
    }

    /** Reads a length prefix and checks it against what remains. */
    int length(String what) {
        long length = varint("the length of " + what);
        if (length < 0 || length > remaining()) {
            throw new BadModelException(source + ": " + what + " claims " + length + " bytes but only " + remaining()
                    + " remain; the file is truncated or corrupt");
        }
        return (int) length;
    }

    byte[] bytes(String what) {
        int length = length(what);
        try {
            return in.readRawBytes(length);
        } catch (IOException e) {
            throw corrupt(what, e);
        }
    }

    String string(String what) {
        return new String(bytes(what), StandardCharsets.UTF_8);
    }

    /** A varint field's value. */
    long varint(int tag, String what) {
        expect(tag, WireFormat.WIRETYPE_VARINT, what);
        return varint(what);
    }

    /** A fixed32 float field's value. */
    float fixed32Float(int tag, String what) {
        expect(tag, WireFormat.WIRETYPE_FIXED32, what);
        return fixed32Float(what);
    }

    /** A bytes field's value. */
    byte[] bytes(int tag, String what) {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
        return bytes(what);
    }

    /** A string field's value, decoded as UTF-8. */
    String string(int tag, String what) {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
        return string(what);
    }

    /** A sub-message field's value, read by {@code body} within the sub-message's bounds. */
    <T> T message(int tag, String what, Supplier<T> body) {
        expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
        return message(what, body);
    }

    /** The sub-message that follows (its tag already checked), read by {@code body} within its bounds. */
    <T> T message(String what, Supplier<T> body) {
        int token = enter(what);
        T value = body.get();
        leave(token);
        return value;
    }

    /** Whether a tag is field {@code field} with wire type {@code wireType}. */
    static boolean is(int tag, int field, int wireType) {
        return WireFormat.getTagFieldNumber(tag) == field && WireFormat.getTagWireType(tag) == wireType;
    }

    /** Enters a length-delimited sub-message; returns the token for {@link #leave}. */
    int enter(String what) {
        int length = length(what);
        try {
            return in.pushLimit(length);
        } catch (IOException e) {
            throw corrupt(what, e);
        }
    }

    /** Leaves a sub-message entered with {@link #enter}; its end must have been reached. */
    void leave(int token) {
        in.popLimit(token);
    }

    /** Skips a field this schema does not read. */
    void skip(int tag) {
        try {
            if (!in.skipField(tag)) {
                throw new BadModelException(source + ": unexpected end-group tag " + tag + "; the file is corrupt");
            }
        } catch (IOException e) {
            throw corrupt("field " + WireFormat.getTagFieldNumber(tag), e);
        }
    }

    /** Checks that a known field has the wire type the schema gives it. */
    void expect(int tag, int wireType, String what) {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new BadModelException(source + ": " + what + " (field " + WireFormat.getTagFieldNumber(tag)
                    + ") has wire type " + WireFormat.getTagWireType(tag) + ", expected " + wireType
                    + "; the file is corrupt or not an ONNX model");
        }
    }

    /** Reads a repeated varint field into {@code into}, packed (wire type 2) or one element (wire type 0). */
    void varints(int tag, LongList into, String what) {
        repeated(tag, WireFormat.WIRETYPE_VARINT, 0, what, () -> into.add(varint(what)));
    }

    /** Reads a repeated float field, packed (wire type 2) or one element (wire type 5). */
    void floats(int tag, FloatList into, String what) {
        repeated(tag, WireFormat.WIRETYPE_FIXED32, 4, what, () -> into.add(fixed32Float(what)));
    }

    /** Reads a repeated double field, packed (wire type 2) or one element (wire type 1), as floats. */
    void doubles(int tag, FloatList into, String what) {
        repeated(tag, WireFormat.WIRETYPE_FIXED64, 8, what, () -> into.add((float) fixed64Double(what)));
    }

    /**
     * Reads a repeated scalar field: one element when the tag has the element's wire type, every element of the
     * packed run when it is length-delimited.
     *
     * @param width the element's size in bytes, which a packed run's length must be a multiple of; 0 for varints
     */
    private void repeated(int tag, int wireType, int width, String what, Runnable readOne) {
        int actual = WireFormat.getTagWireType(tag);
        if (actual == wireType) {
            readOne.run();
        } else if (actual == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int token = enter(what);
            if (width > 0 && remaining() % width != 0) {
                throw new BadModelException(source + ": packed " + what + " has " + remaining()
                        + " bytes, not a multiple of " + width + "; the file is corrupt");
            }
            while (remaining() > 0) {
                readOne.run();
            }
            leave(token);
        } else {
            expect(tag, wireType, what);
        }
    }

    BadModelException corrupt(String what, IOException cause) {
        return new BadModelException(source + ": cannot read " + what + ": " + cause.getMessage()
                + " (the file is truncated, corrupt or not an ONNX model)", cause);
    }

    /** A growable list of longs; grows by doubling, so its size never exceeds twice the input read. */
    static final class LongList {
        private long[] values = new long[8];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable list of floats. */
    static final class FloatList {
        private float[] values = new float[8];
        private int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
