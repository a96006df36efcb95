package org.hotcell.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotcell.runtime.models.BackendChoice;
import org.hotcell.runtime.models.HostedModels;
import org.hotcell.runtime.plain.LayerHost;
import org.hotcell.runtime.streams.StreamSettings;
import org.hotcell.runtime.testing.ModelFixtures;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream lifecycle over HTTP on loopback (plain-Java host, streams persisted in a temporary state directory):
 * restart, capacity, export and import, delete, reset, and the answers of each route.
 */
@Timeout(60)
class StreamsApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Inputs of step t (N=2, I=2). */
    private static final String[] STEPS = {"[[0.5, -0.25], [1, 0]]", "[[0.1, 0.2], [-1, 0.5]]",
            "[[0.3, 0.3], [0.7, -0.2]]", "[[-0.4, 0.9], [0.2, 0.2]]"};

    @TempDir
    Path work;
    LayerHost host;
    HostedModels hosted;
    HttpApi api;

    @BeforeEach
    void start() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        Path models = Files.createDirectories(work.resolve("models"));
        ModelFixtures.writeSpec(models, "per_step", ModelFixtures.rnnSpec("tanh", "per_step"));
        ModelFixtures.writeSpec(models, "lstm", ModelFixtures.rnnSpec("tanh", "per_step")
                .replace("\"rnn\"", "\"lstm\"").replace("\"activation\": \"tanh\"",
                        "\"gate\": \"sigmoid\", \"candidate\": \"tanh\", \"output\": \"tanh\""));
        host = LayerHost.start(plugins, TrustPolicy.allowAll(), Duration.ofMillis(100));
        startModels(3);
    }

    private void startModels(int maxStreams) throws IOException {
        hosted = HostedModels.start(host.registry(), work.resolve("models"), new BackendChoice("reference"),
                Duration.ofMillis(100), StreamSettings.persistedIn(work.resolve("state"))
                        .withLimits(maxStreams, Duration.ofHours(1)));
        api = HttpApi.start(host, hosted, 0);
    }

    private void stopModels() {
        api.close();
        hosted.close();
    }

    @AfterEach
    void stop() {
        stopModels();
        host.close();
    }

    @Test
    void aRestartKeepsEveryStreamExactly() throws Exception {
        String uninterrupted = "";
        for (int t = 0; t < 4; t++) {
            uninterrupted = step("reference", t).body();
        }
        step("s", 0);
        step("s", 1);
        stopModels();
        startModels(3);
        assertThat(JSON.readTree(get("/api/models/per_step/streams/s").body()).get("steps").asInt()).isEqualTo(2);
        step("s", 2);
        assertThat(step("s", 3).body()).isEqualTo(uninterrupted);
    }

    @Test
    void whenFullANewStreamGets429WithRetryAfterAndNoStreamIsDropped() throws Exception {
        String first = step("a", 0).body();
        step("b", 0);
        assertThat(send("POST", "/api/models/per_step/streams", "{\"id\": \"c\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> full = step("d", 0);
        assertThat(full.statusCode()).isEqualTo(429);
        assertThat(full.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v))
                .isPositive());
        assertThat(code(full)).isEqualTo("HC-TOO-MANY-STREAMS");
        assertThat(send("POST", "/api/models/per_step/streams", "").statusCode()).isEqualTo(429);
        JsonNode status = JSON.readTree(get("/api/streams").body());
        assertThat(status.get("open").asInt()).isEqualTo(3);
        assertThat(status.get("capacity").asInt()).isEqualTo(3);
        assertThat(status.get("idle_timeout_seconds").asLong()).isEqualTo(3600);
        assertThat(status.get("store").asText()).endsWith("streams.mv.db");
        assertThat(JSON.readTree(get("/api/models/per_step/streams/a").body()).get("steps").asInt()).isEqualTo(1);
        assertThat(send("DELETE", "/api/models/per_step/streams/c", null).statusCode()).isEqualTo(204);
        assertThat(step("d", 0).statusCode()).isEqualTo(200);
        assertThat(first).contains("outputs");
    }

    @Test
    void anExportedStateImportedUnderAnotherIdContinuesIdentically() throws Exception {
        step("from", 0);
        step("from", 1);
        HttpResponse<byte[]> exported = CLIENT.send(request("GET", "/api/models/per_step/streams/from/state", null)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        HttpResponse<String> imported = CLIENT.send(HttpRequest.newBuilder(uri("/api/models/per_step/streams/to/state"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(exported.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("steps").asInt()).isEqualTo(2);
        assertThat(step("to", 2).body()).isEqualTo(step("from", 2).body());
        assertThat(step("to", 3).body()).isEqualTo(step("from", 3).body());
    }

    @Test
    void importingIntoAModelWithOtherLayersIs400NamingTheDifference() throws Exception {
        step("from", 0);
        byte[] state = CLIENT.send(request("GET", "/api/models/per_step/streams/from/state", null).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        HttpResponse<String> refused = CLIENT.send(HttpRequest.newBuilder(uri("/api/models/lstm/streams/x/state"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(state)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(code(refused)).isEqualTo("HC-STATE-MISMATCH");
        assertThat(message(refused)).contains("layer 0").contains("[3+c]").contains("[3]");
        HttpResponse<String> garbage = CLIENT.send(HttpRequest.newBuilder(uri("/api/models/lstm/streams/x/state"))
                .PUT(HttpRequest.BodyPublishers.ofString("not a state")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(message(garbage)).contains("not a Hotcell stream snapshot");
    }

    @Test
    void deleteThenStepStartsFreshAndResetDoesToo() throws Exception {
        String fresh = step("s", 0).body();
        String second = step("s", 1).body();
        assertThat(send("DELETE", "/api/models/per_step/streams/s", null).statusCode()).isEqualTo(204);
        assertThat(get("/api/models/per_step/streams/s").statusCode()).isEqualTo(404);
        assertThat(code(get("/api/models/per_step/streams/s"))).isEqualTo("HC-UNKNOWN-STREAM");
        assertThat(send("DELETE", "/api/models/per_step/streams/s", null).statusCode()).isEqualTo(404);
        assertThat(step("s", 0).body()).isEqualTo(fresh);
        assertThat(step("s", 1).body()).isEqualTo(second);
        HttpResponse<String> reset = send("POST", "/api/models/per_step/streams/s/reset", "");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reset.body()).get("steps").asInt()).isZero();
        assertThat(step("s", 0).body()).isEqualTo(fresh);
    }

    @Test
    void aStreamIsCreatedReadAndRefusedTwice() throws Exception {
        HttpResponse<String> created = send("POST", "/api/models/per_step/streams", "{\"id\": \"mine\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("id").asText()).isEqualTo("mine");
        assertThat(code(send("POST", "/api/models/per_step/streams", "{\"id\": \"mine\"}"))).isEqualTo("HC-STREAM-EXISTS");
        HttpResponse<String> generated = send("POST", "/api/models/per_step/streams", "");
        assertThat(JSON.readTree(generated.body()).get("id").asText()).hasSize(36);
        assertThat(code(send("POST", "/api/models/nope/streams", ""))).isEqualTo("HC-UNKNOWN-MODEL");
        step("mine", 0);
        JsonNode info = JSON.readTree(get("/api/models/per_step/streams/mine").body());
        assertThat(info.get("model").asText()).isEqualTo("per_step");
        assertThat(info.get("batch").asInt()).isEqualTo(2);
        assertThat(info.get("steps").asInt()).isEqualTo(1);
        assertThat(info.get("last_used").asText()).isNotEmpty();
        assertThat(info.get("layers").toString()).isEqualTo("[[{\"hidden\":3,\"h\":6,\"c\":0}]]");
        assertThat(send("PATCH", "/api/models/per_step/streams/mine", "").statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> step(String stream, int t) throws Exception {
        return send("POST", "/api/models/per_step/streams/" + stream + "/step", "{\"inputs\": " + STEPS[t] + "}");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return CLIENT.send(request(method, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(uri(path)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    private static String code(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("code").asText();
    }

    private static String message(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("message").asText();
    }
}
