package org.hotcell.onnx.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.hotcell.core.error.BadModelException;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    /** A .npy file made by hand: magic, version, header length, header, data. */
    private static byte[] npy(int major, String header, byte[] data) {
        int prefix = major == 1 ? 10 : 12;
        StringBuilder padded = new StringBuilder(header);
        while ((prefix + padded.length() + 1) % 64 != 0) {
            padded.append(' ');
        }
        padded.append('\n');
        ByteBuffer out = ByteBuffer.allocate(prefix + padded.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            out.putShort((short) padded.length());
        } else {
            out.putInt(padded.length());
        }
        out.put(padded.toString().getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return out.array();
    }

    private static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    @Property(tries = 200)
    void floatTensorsRoundTrip(@ForAll @Size(max = 4) int[] rawShape, @ForAll float seed) {
        int[] shape = new int[rawShape.length];
        int count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Math.floorMod(rawShape[i], 4);
            count *= shape[i];
        }
        float[] data = new float[count];
        for (int i = 0; i < count; i++) {
            data[i] = seed * (i + 1) - i;
        }
        Tensor back = Npy.read(Npy.toBytes(Tensor.ofFloats(shape, data)), "t.npy");
        assertThat(back.type()).isEqualTo(ElementType.FLOAT);
        assertThat(back.shape()).isEqualTo(shape);
        assertThat(back.floats()).isEqualTo(data);
    }

    @Property(tries = 100)
    void integerTensorsRoundTrip(@ForAll @Size(max = 20) long[] values, @ForAll boolean int32) {
        ElementType type = int32 ? ElementType.INT32 : ElementType.INT64;
        long[] data = values.clone();
        if (int32) {
            for (int i = 0; i < data.length; i++) {
                data[i] = (int) data[i];
            }
        }
        Tensor back = Npy.read(Npy.toBytes(Tensor.ofLongs(type, new int[] {data.length}, data)), "t.npy");
        assertThat(back.type()).isEqualTo(type);
        assertThat(back.longs()).isEqualTo(data);
    }

    @Test
    void headerIsPaddedToSixtyFourBytesAndWrittenAsNumpyDoes() {
        byte[] bytes = Npy.toBytes(Tensor.ofFloats(new int[] {2, 3}, new float[6]));
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        byte[] vector = Npy.toBytes(Tensor.ofFloats(new int[] {4}, new float[4]));
        assertThat(new String(vector, 10, 60, StandardCharsets.ISO_8859_1)).contains("'shape': (4,)");
    }

    @Test
    void readsFloat64AsFloat32AndVersionTwoHeaders() {
        byte[] file = npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }",
                doubles(ByteOrder.LITTLE_ENDIAN, 1.5, -2.25, 1e-3));
        Tensor t = Npy.read(file, "d.npy");
        assertThat(t.type()).isEqualTo(ElementType.FLOAT);
        assertThat(t.floats()).containsExactly(1.5f, -2.25f, 1e-3f);
    }

    @Test
    void readsBigEndianAndScalars() {
        byte[] file = npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (), }",
                doubles(ByteOrder.BIG_ENDIAN, 7.0));
        Tensor t = Npy.read(file, "s.npy");
        assertThat(t.rank()).isZero();
        assertThat(t.floats()).containsExactly(7.0f);
    }

    @Test
    void fortranOrderIsRefusedWithAHint() {
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]);
        assertThatThrownBy(() -> Npy.read(file, "f.npy")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("f.npy").hasMessageContaining("Fortran").hasMessageContaining("C order");
    }

    @Test
    void unsupportedElementTypeIsNamed() {
        byte[] file = npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", new byte[2]);
        assertThatThrownBy(() -> Npy.read(file, "u.npy")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("'|u1'");
    }

    @Test
    void shapeLargerThanTheDataFailsBeforeAllocating() {
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", new byte[8]);
        assertThatThrownBy(() -> Npy.read(file, "big.npy")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("big.npy").hasMessageContaining("100000");
        byte[] short1 = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[8]);
        assertThatThrownBy(() -> Npy.read(short1, "short.npy")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("needs 12 data bytes, but only 8");
    }

    @Test
    void notNpyAndTruncatedHeadersFailClearly() {
        assertThatThrownBy(() -> Npy.read("hello world!".getBytes(StandardCharsets.US_ASCII), "x.npy"))
                .isInstanceOf(BadModelException.class).hasMessageContaining("not a .npy file");
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[12]);
        byte[] cut = java.util.Arrays.copyOf(file, 30);
        assertThatThrownBy(() -> Npy.read(cut, "cut.npy")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("header of");
    }

    @Property(tries = 300)
    void damagedFilesFailOnlyWithBadModelException(@ForAll @IntRange(min = 0, max = 200) int position,
                                                   @ForAll byte value) {
        byte[] file = Npy.toBytes(Tensor.ofFloats(new int[] {3, 4}, new float[12]));
        byte[] damaged = file.clone();
        damaged[position % damaged.length] = value;
        try {
            Npy.read(damaged, "damaged.npy");
        } catch (BadModelException expected) {
            assertThat(expected.getMessage()).contains("damaged.npy");
        }
    }

    @Test
    void writesFilesAtomically(@TempDir Path dir) {
        Path file = dir.resolve("y.npy");
        Npy.write(file, Tensor.ofFloats(new int[] {2}, new float[] {1, 2}));
        assertThat(Npy.read(file).floats()).containsExactly(1f, 2f);
        assertThat(dir.toFile().list()).containsExactly("y.npy");
    }
}
