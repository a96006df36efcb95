package org.hotcell.onnx.npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotcell.core.error.BadModelException;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;

/**
 * NumPy {@code .npy} files (format versions 1, 2 and 3), C order only.
 *
 * <p>A file is the magic {@code \x93NUMPY}, a major and minor version byte, the header length (2 bytes little
 * endian in version 1, 4 bytes in versions 2 and 3), an ASCII (version 3: UTF-8) Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a newline, then
 * the elements in row-major order.
 *
 * <p>Reads {@code f4} (float32), {@code f8} (float64, narrowed to float32), {@code i4} (int32) and {@code i8}
 * (int64), either byte order. Writes little-endian {@code <f4}, {@code <i4} or {@code <i8}, version 1. A
 * Fortran-order file, another element type, or a file shorter than its header promises is a
 * {@link BadModelException} naming the file and the problem; sizes are checked before allocation.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /** Reads a .npy file. */
    public static Tensor read(Path file) {
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new BadModelException("cannot read .npy file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads .npy bytes.
     *
     * @param source names the data in error messages
     */
    public static Tensor read(byte[] bytes, String source) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new BadModelException(source + " is not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new BadModelException(source + " is truncated inside its .npy preamble");
            }
            headerLength = buffer.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new BadModelException(source + " has .npy format version " + major + "; versions 1, 2 and 3 are read");
        }
        if (headerStart + headerLength > bytes.length) {
            throw new BadModelException(source + " declares a .npy header of " + headerLength + " bytes but the file has "
                    + bytes.length + " bytes");
        }
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header parsed = Header.parse(header, source);
        int dataStart = headerStart + (int) headerLength;
        long[] dims = Arrays.stream(parsed.shape).asLongStream().toArray();
        int count = Tensor.elementCount(source, dims);
        long needed = (long) count * parsed.width;
        if (bytes.length - dataStart < needed) {
            throw new BadModelException(source + " has shape " + Arrays.toString(parsed.shape) + " of " + parsed.descr
                    + ", which needs " + needed + " data bytes, but only " + (bytes.length - dataStart) + " follow the header");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) needed).slice().order(parsed.order);
        switch (parsed.kind) {
            case 'f' -> {
                float[] out = new float[count];
                for (int i = 0; i < count; i++) {
                    out[i] = parsed.width == 4 ? data.getFloat() : (float) data.getDouble();
                }
                return Tensor.ofFloats(parsed.shape, out);
            }
            default -> {
                long[] out = new long[count];
                for (int i = 0; i < count; i++) {
                    out[i] = parsed.width == 4 ? data.getInt() : data.getLong();
                }
                return Tensor.ofLongs(parsed.width == 4 ? ElementType.INT32 : ElementType.INT64, parsed.shape, out);
            }
        }
    }

    /** The .npy bytes (version 1, little endian, C order) of a tensor, in its own element type. */
    public static byte[] toBytes(Tensor tensor) {
        String descr = switch (tensor.type()) {
            case FLOAT -> "<f4";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
        };
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < tensor.rank(); i++) {
            shape.append(tensor.dim(i)).append(tensor.rank() == 1 ? "," : i + 1 < tensor.rank() ? ", " : "");
        }
        shape.append(')');
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': "
                + shape + ", }");
        // The whole preamble is padded with spaces to a multiple of 64 bytes and ends with a newline.
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        int width = tensor.type().bytes();
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + tensor.size() * width)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < tensor.size(); i++) {
            switch (tensor.type()) {
                case FLOAT -> out.putFloat(tensor.floats()[i]);
                case INT32 -> out.putInt((int) tensor.longs()[i]);
                case INT64 -> out.putLong(tensor.longs()[i]);
            }
        }
        return out.array();
    }

    /** Writes a tensor to a .npy file in its own element type, atomically (a temporary file, then a rename). */
    public static void write(Path file, Tensor tensor) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.write(temp, toBytes(tensor));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The parsed header dict. */
    private record Header(String descr, char kind, int width, ByteOrder order, int[] shape) {

        static Header parse(String text, String source) {
            String descr = stringValue(text, "descr", source);
            String fortran = rawValue(text, "fortran_order", source);
            if (fortran.startsWith("True")) {
                throw new BadModelException(source + " is in Fortran (column-major) order; write it in C order,"
                        + " e.g. numpy.save(path, numpy.ascontiguousarray(a))");
            }
            if (!fortran.startsWith("False")) {
                throw new BadModelException(source + " has fortran_order '" + fortran + "', expected False");
            }
            if (descr.length() < 3) {
                throw new BadModelException(source + " has element type '" + descr + "'; expected <f4, <f8, <i4 or <i8");
            }
            ByteOrder order = switch (descr.charAt(0)) {
                case '<', '|', '=' -> ByteOrder.LITTLE_ENDIAN;
                case '>' -> ByteOrder.BIG_ENDIAN;
                default -> throw new BadModelException(source + " has element type '" + descr
                        + "'; expected <f4, <f8, <i4 or <i8");
            };
            String code = descr.substring(1);
            if (!code.equals("f4") && !code.equals("f8") && !code.equals("i4") && !code.equals("i8")) {
                throw new BadModelException(source + " has element type '" + descr
                        + "'; Hotcell reads float32 (f4), float64 (f8), int32 (i4) and int64 (i8)");
            }
            return new Header(descr, code.charAt(0), code.charAt(1) - '0', order, shape(text, source));
        }

        private static int[] shape(String text, String source) {
            String value = rawValue(text, "shape", source);
            int close = value.indexOf(')');
            if (!value.startsWith("(") || close < 0) {
                throw new BadModelException(source + " has a malformed shape in its header: " + text.strip());
            }
            List<Integer> dims = new ArrayList<>();
            for (String part : value.substring(1, close).split(",")) {
                String dim = part.strip();
                if (dim.endsWith("L")) {
                    dim = dim.substring(0, dim.length() - 1);
                }
                if (dim.isEmpty()) {
                    continue;
                }
                try {
                    long parsed = Long.parseLong(dim);
                    if (parsed < 0 || parsed > Tensor.MAX_ELEMENTS) {
                        throw new NumberFormatException();
                    }
                    dims.add((int) parsed);
                } catch (NumberFormatException e) {
                    throw new BadModelException(source + " has dimension '" + dim + "' in its shape; each must be an"
                            + " integer in [0, " + Tensor.MAX_ELEMENTS + "]");
                }
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private static String rawValue(String text, String key, String source) {
            int at = text.indexOf("'" + key + "'");
            if (at < 0) {
                at = text.indexOf("\"" + key + "\"");
            }
            int colon = at < 0 ? -1 : text.indexOf(':', at);
            if (colon < 0) {
                throw new BadModelException(source + " has no '" + key + "' in its .npy header: " + text.strip());
            }
            return text.substring(colon + 1).stripLeading();
        }

        private static String stringValue(String text, String key, String source) {
            String value = rawValue(text, key, source);
            if (value.isEmpty() || (value.charAt(0) != '\'' && value.charAt(0) != '"')) {
                throw new BadModelException(source + " has a malformed '" + key + "' in its .npy header");
            }
            int end = value.indexOf(value.charAt(0), 1);
            if (end < 0) {
                throw new BadModelException(source + " has a malformed '" + key + "' in its .npy header");
            }
            return value.substring(1, end);
        }
    }
}
