package org.hotcell.runtime.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hotcell.runtime.streams.HostedStreams;
import org.hotcell.runtime.streams.StateShape;
import org.hotcell.runtime.streams.StreamInfo;
import org.hotcell.runtime.streams.StreamsStatus;

/**
 * The stream lifecycle routes below {@code /api/models/{name}/streams} and {@code /api/streams}; the step route
 * stays in {@link HttpApi}. Each method answers what the route returns: JSON, or {@link Reply} for other statuses
 * and raw bytes.
 */
final class StreamRoutes {
    private final ObjectMapper json;

    /** An answer other than JSON with status 200. */
    record Reply(int status, String contentType, byte[] body) {
    }

    StreamRoutes(ObjectMapper json) {
        this.json = json;
    }

    /** {@code GET /api/streams}. */
    ObjectNode status(HostedStreams streams) {
        StreamsStatus status = streams.status();
        ObjectNode root = json.createObjectNode();
        root.put("open", status.open());
        root.put("capacity", status.capacity());
        root.put("idle_timeout", status.idleTimeout().toString());
        root.put("idle_timeout_seconds", status.idleTimeout().toSeconds());
        root.put("store", status.storeFile() == null ? null : status.storeFile().toString());
        return root;
    }

    /** {@code POST /api/models/{name}/streams} with an optional {@code {"id": "..."}}: 201 and the stream. */
    Reply create(HostedStreams streams, String model, byte[] body) throws java.io.IOException {
        String id = null;
        if (body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (java.io.IOException e) {
                throw RequestException.badRequest("the body is not JSON: " + e.getMessage());
            }
            JsonNode given = node == null ? null : node.get("id");
            if (node == null || !node.isObject() || (given != null && !given.isTextual())) {
                throw RequestException.badRequest("the body must be {} or {\"id\": \"<stream id>\"}");
            }
            id = given == null ? null : given.asText();
        }
        return new Reply(201, HttpApi.JSON_TYPE, json.writeValueAsBytes(info(streams.create(model, id))));
    }

    /** {@code GET /api/models/{name}/streams/{id}/state}: the snapshot bytes. */
    Reply export(HostedStreams streams, String model, String id) {
        return new Reply(200, "application/octet-stream", streams.export(model, id));
    }

    /** The JSON of {@code GET /api/models/{name}/streams/{id}}. */
    ObjectNode info(StreamInfo info) {
        ObjectNode root = json.createObjectNode();
        root.put("model", info.model());
        root.put("id", info.id());
        root.put("batch", info.batch());
        root.put("steps", info.steps());
        root.put("last_used", info.lastUsed().toString());
        ArrayNode layers = root.putArray("layers");
        StateShape shape = info.shape();
        if (shape != null) {
            for (List<StateShape.Part> layer : shape.layers()) {
                ArrayNode parts = layers.addArray();
                for (StateShape.Part part : layer) {
                    ObjectNode node = parts.addObject();
                    node.put("hidden", part.hidden());
                    node.put("h", (long) info.batch() * part.hidden());
                    node.put("c", part.cell() ? (long) info.batch() * part.hidden() : 0);
                }
            }
        }
        return root;
    }
}
