package org.hotcell.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stream routes of a running {@code hotcell run}, called through one keep-alive {@link HttpClient} that any
 * number of threads share (it pools one connection per concurrent caller). Every call checks its answer, status
 * and shape, and throws {@link WrongAnswer} naming the request when it is not what the API promises.
 */
final class StreamClient {
    private static final String NUMBER = "\\s*(-?[0-9][0-9.eE+-]*)\\s*";
    private static final Pattern OPEN = Pattern.compile("\"open\"\\s*:\\s*(\\d+)");
    private static final Pattern STEPS = Pattern.compile("\"steps\"\\s*:\\s*(-?\\d+)");
    private static final Pattern SHAPE_1_BY_4 = Pattern.compile("\"shape\"\\s*:\\s*\\[\\s*1\\s*,\\s*4\\s*]");
    private static final Pattern OUTPUTS_1_BY_4 = Pattern.compile(
            "\"outputs\"\\s*:\\s*\\[\\s*\\[" + NUMBER + "," + NUMBER + "," + NUMBER + "," + NUMBER + "]\\s*]");

    private final HttpClient http;
    private final URI base;
    private final String model;

    StreamClient(URI base, String model) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = base;
        this.model = model;
    }

    /** Creates stream {@code id}: 201 and a stream of that id with no steps, or a {@link WrongAnswer}. */
    void create(String id) throws IOException, InterruptedException {
        String body = send("POST", streamsPath(), "{\"id\": \"" + id + "\"}", 201);
        if (!body.replaceAll("\\s", "").contains("\"id\":\"" + id + "\"")
                || steps(body, "POST " + streamsPath()) != 0) {
            throw new WrongAnswer("POST " + streamsPath() + " for id " + id, 201, body);
        }
    }

    /**
     * One step of stream {@code id} with a batch of one reading of four features: 200 and
     * {@code {"outputs": [[o0, o1, o2, o3]], "shape": [1, 4]}} with finite outputs, or a {@link WrongAnswer}.
     */
    void step(String id, float[] reading) throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("{\"inputs\": [[");
        for (int i = 0; i < reading.length; i++) {
            json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", reading[i]));
        }
        String path = streamPath(id) + "/step";
        String body = send("POST", path, json.append("]]}").toString(), 200);
        Matcher outputs = OUTPUTS_1_BY_4.matcher(body);
        if (!SHAPE_1_BY_4.matcher(body).find() || !outputs.find()) {
            throw new WrongAnswer("POST " + path + " (expected outputs [[4 numbers]] and shape [1, 4])", 200, body);
        }
        for (int g = 1; g <= 4; g++) {
            if (!Float.isFinite(Float.parseFloat(outputs.group(g)))) {
                throw new WrongAnswer("POST " + path + " (output " + (g - 1) + " is not finite)", 200, body);
            }
        }
    }

    /** The {@code steps} of stream {@code id} as the server reports them. */
    long steps(String id) throws IOException, InterruptedException {
        String path = streamPath(id);
        return steps(send("GET", path, null, 200), "GET " + path);
    }

    /** Deletes stream {@code id}: 204, or a {@link WrongAnswer}. */
    void delete(String id) throws IOException, InterruptedException {
        send("DELETE", streamPath(id), null, 204);
    }

    /** The number of open streams, all models together, from {@code GET /api/streams}. */
    long open() throws IOException, InterruptedException {
        String body = send("GET", "/api/streams", null, 200);
        Matcher open = OPEN.matcher(body);
        if (!open.find()) {
            throw new WrongAnswer("GET /api/streams (no \"open\")", 200, body);
        }
        return Long.parseLong(open.group(1));
    }

    private static long steps(String body, String request) {
        Matcher steps = STEPS.matcher(body);
        if (!steps.find()) {
            throw new WrongAnswer(request + " (no \"steps\")", 200, body);
        }
        return Long.parseLong(steps.group(1));
    }

    private String streamsPath() {
        return "/api/models/" + model + "/streams";
    }

    private String streamPath(String id) {
        return streamsPath() + "/" + id;
    }

    private String send(String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new WrongAnswer(method + " " + path + " (expected " + expected + ")", response.statusCode(),
                    response.body());
        }
        return response.body();
    }
}
