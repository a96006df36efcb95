package org.hotcell.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.hotcell.core.error.BadModelException;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @Test
    void layoutIsLengthThenAlignedJsonHeaderThenLittleEndianData() {
        Parameters tensors = Parameters.of(List.of(new Parameter("a", new int[] {2}, new float[] {1f, -2f}),
                new Parameter("b", new int[] {1, 1}, new float[] {0.5f})));
        byte[] bytes = Safetensors.toBytes(tensors, Map.of());
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong();
        assertThat(headerLength % 8).isZero();
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        // Golden header text: the exact JSON other safetensors readers parse, padded with spaces.
        assertThat(header.strip()).isEqualTo("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[8,12]}}");
        buffer.position(8 + (int) headerLength);
        assertThat(buffer.getFloat()).isEqualTo(1f);
        assertThat(buffer.getFloat()).isEqualTo(-2f);
        assertThat(buffer.getFloat()).isEqualTo(0.5f);
        assertThat(buffer.remaining()).isZero();
    }

    @Property(tries = 50)
    void writeThenReadGivesTheSameTensorsAndMetadata(@ForAll @Size(min = 1, max = 40) float[] values,
                                                     @ForAll @IntRange(min = 1, max = 3) int copies) {
        Parameters tensors = new Parameters();
        for (int c = 0; c < copies; c++) {
            tensors.add(new Parameter("t" + c, new int[] {values.length}, values.clone()));
        }
        byte[] bytes = Safetensors.toBytes(tensors, Map.of("k", "v"));
        Safetensors.Contents read = Safetensors.fromBytes(bytes, "test");
        assertThat(read.tensors()).isEqualTo(tensors);
        assertThat(read.metadata()).containsEntry("k", "v");
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Parameters tensors = Parameters.of(List.of(new Parameter("w", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})));
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, tensors, Map.of());
        assertThat(Safetensors.read(file).tensors()).isEqualTo(tensors);
    }

    @Test
    void truncatedDataIsReportedWithTheTensor() {
        byte[] bytes = Safetensors.toBytes(Parameters.of(List.of(new Parameter("w", new int[] {4}, new float[4]))),
                Map.of());
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 4);
        assertThatThrownBy(() -> Safetensors.fromBytes(cut, "cut.safetensors")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("cut.safetensors").hasMessageContaining("tensor w");
    }

    @Test
    void otherDtypesAreRefusedByName() {
        String header = "{\"w\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]}}";
        assertThatThrownBy(() -> Safetensors.fromBytes(file(header, 2), "half")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("tensor w").hasMessageContaining("F16").hasMessageContaining("F32 only");
    }

    @Test
    void gapsBetweenTensorsAreRefused() {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertThatThrownBy(() -> Safetensors.fromBytes(file(header, 8), "gap")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("tensor w starts at byte 4");
    }

    @Test
    void aHeaderLengthBeyondTheFileIsRefused() {
        byte[] bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array();
        assertThatThrownBy(() -> Safetensors.fromBytes(bytes, "short")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("header length 1000");
    }

    private static byte[] file(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length)
                .put(json).array();
    }
}
