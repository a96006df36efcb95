package org.hotcell.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hotcell.core.error.BadModelException;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.Parameters;

/**
 * The safetensors format (huggingface/safetensors), float32 only: an 8-byte little-endian unsigned header
 * length N, then N bytes of JSON mapping each tensor name to {@code {"dtype": "F32", "shape": [...],
 * "data_offsets": [begin, end]}} (byte offsets into the data that follows, relative to its start) plus an
 * optional {@code "__metadata__"} map of strings, then the tensors' raw little-endian bytes. The header is
 * padded with spaces to a multiple of 8 bytes so that the data is aligned.
 *
 * <p>Tensors are written in the order of the {@link Parameters}, back to back; reading accepts any order but
 * requires the data regions to tile the data section exactly, as the format demands.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";
    /** A header larger than this is taken for a corrupt file rather than read into memory. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private Safetensors() {
    }

    /** Writes tensors and string metadata to {@code file} (via a temporary file, then a rename). */
    public static void write(Path file, Parameters tensors, Map<String, String> metadata) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            out.write(toBytes(tensors, metadata));
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's bytes for these tensors and metadata. */
    public static byte[] toBytes(Parameters tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Parameter tensor : tensors.list()) {
            ObjectNode entry = header.putObject(tensor.name());
            entry.put("dtype", "F32");
            ArrayNode shape = entry.putArray("shape");
            for (int dimension : tensor.shape()) {
                shape.add(dimension);
            }
            long end = offset + 4L * tensor.data().length;
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a safetensors header", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(padded);
        buffer.put(json);
        for (int i = json.length; i < padded; i++) {
            buffer.put((byte) ' ');
        }
        for (Parameter tensor : tensors.list()) {
            for (float v : tensor.data()) {
                buffer.putFloat(v);
            }
        }
        return buffer.array();
    }

    /** The tensors and metadata of a file. */
    public record Contents(Parameters tensors, Map<String, String> metadata) {
    }

    /**
     * Reads a file.
     *
     * @throws BadModelException naming the file and what is wrong: truncation, a bad header, a dtype other than
     *                           F32, a shape that does not match its data, regions that overlap or leave gaps
     */
    public static Contents read(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file), file.toString());
    }

    /** Reads the bytes of a file; {@code source} names it in errors. */
    public static Contents fromBytes(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new BadModelException(source + " is " + bytes.length + " bytes, too short for a safetensors header length");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > bytes.length - 8) {
            throw new BadModelException(source + ": safetensors header length " + Long.toUnsignedString(headerLength)
                    + " does not fit the file's " + bytes.length + " bytes");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadModelException(source + ": safetensors header is not JSON: " + e.getOriginalMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw new BadModelException(source + ": safetensors header is not a JSON object");
        }
        int dataStart = 8 + (int) headerLength;
        long dataLength = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        record Region(String name, long begin, long end) {
        }
        List<Region> regions = new ArrayList<>();
        Parameters tensors = new Parameters();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode entry = field.getValue();
            if (name.equals(METADATA)) {
                entry.fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            String dtype = entry.path("dtype").asText("");
            if (!dtype.equals("F32")) {
                throw new BadModelException(source + ": tensor " + name + " has dtype '" + dtype
                        + "'; Hotcell reads F32 only");
            }
            JsonNode shapeNode = entry.path("shape");
            JsonNode offsets = entry.path("data_offsets");
            if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
                throw new BadModelException(source + ": tensor " + name + " needs a shape array and two data_offsets");
            }
            int[] shape = new int[shapeNode.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asInt(-1);
                if (shape[i] < 1) {
                    throw new BadModelException(source + ": tensor " + name + " has dimension " + shapeNode.get(i)
                            + " at index " + i + "; dimensions must be positive integers");
                }
                count *= shape[i];
            }
            long begin = offsets.get(0).asLong(-1);
            long end = offsets.get(1).asLong(-1);
            if (begin < 0 || end < begin || end > dataLength) {
                throw new BadModelException(source + ": tensor " + name + " has data_offsets [" + begin + ", " + end
                        + "] outside the data section of " + dataLength + " bytes");
            }
            if (end - begin != 4 * count) {
                throw new BadModelException(source + ": tensor " + name + " of shape " + java.util.Arrays.toString(shape)
                        + " needs " + 4 * count + " bytes, its data_offsets span " + (end - begin));
            }
            float[] data = new float[(int) count];
            ByteBuffer slice = ByteBuffer.wrap(bytes, (int) (dataStart + begin), (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            slice.asFloatBuffer().get(data);
            tensors.add(new Parameter(name, shape, data));
            regions.add(new Region(name, begin, end));
        }
        regions.sort(java.util.Comparator.comparingLong(Region::begin));
        long at = 0;
        for (Region region : regions) {
            if (region.begin() != at) {
                throw new BadModelException(source + ": tensor " + region.name() + " starts at byte " + region.begin()
                        + " of the data section, expected " + at + " (regions must tile the data without gaps or overlap)");
            }
            at = region.end();
        }
        if (at != dataLength) {
            throw new BadModelException(source + ": the data section has " + dataLength + " bytes, the tensors cover "
                    + at);
        }
        return new Contents(tensors, metadata);
    }
}
