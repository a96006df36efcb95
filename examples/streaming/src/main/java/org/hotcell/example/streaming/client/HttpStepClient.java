package org.hotcell.example.streaming.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Steps streams through the Hotcell runtime's HTTP API: {@code POST /api/models/{model}/streams/{id}/step} with
 * {@code {"inputs": [[x_1, ..., x_S]]}} (N x I: one item of S sensors), answered with
 * {@code {"outputs": [[y_1, ..., y_O]]}}. One request per step of one stream; the server keeps each stream's
 * recurrent state between requests.
 */
public final class HttpStepClient implements StepClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String model;

    /**
     * @param base  the runtime's address, e.g. {@code http://127.0.0.1:7391}
     * @param model the served model's name
     */
    public HttpStepClient(URI base, String model) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.model = model;
    }

    @Override
    public float[] step(String streamId, float[] reading) {
        URI uri = base.resolve("/api/models/" + encode(model) + "/streams/" + encode(streamId) + "/step");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(reading)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StreamingException("POST " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamingException("POST " + uri + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new StreamingException("POST " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return outputs(response.body(), uri);
    }

    /** {@code {"inputs": [[x_1, ..., x_S]]}}. */
    static String body(float[] reading) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode features = root.putArray("inputs").addArray();
        for (float x : reading) {
            features.add(x);
        }
        return root.toString();
    }

    /** The floats of {@code "outputs"} ({@code [[y_1, ..., y_O]]}), flattened: one item, so its shape adds nothing. */
    static float[] outputs(String body, URI uri) {
        JsonNode outputs;
        try {
            outputs = JSON.readTree(body).path("outputs");
        } catch (IOException e) {
            throw new StreamingException("POST " + uri + " answered with unreadable JSON: " + e.getMessage(), e);
        }
        if (!outputs.isArray()) {
            throw new StreamingException("POST " + uri + " answered without an \"outputs\" array: " + body);
        }
        List<Float> values = new ArrayList<>();
        collect(outputs, values, uri);
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    private static void collect(JsonNode node, List<Float> into, URI uri) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, into, uri));
        } else if (node.isNumber()) {
            into.add(node.floatValue());
        } else {
            throw new StreamingException("POST " + uri + " answered a non-number in \"outputs\": " + node);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
