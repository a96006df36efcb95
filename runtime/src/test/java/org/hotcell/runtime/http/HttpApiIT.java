package org.hotcell.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotcell.runtime.models.Outputs;
import org.hotcell.runtime.testing.ModelFixtures;
import org.hotcell.runtime.testing.ServedApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP API over a real Felix host, through java.net.http on loopback, good requests and bad. */
class HttpApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final ServedApi SERVED = new ServedApi(Map.of("standard", "tanh", "scaled", "scaled"));

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(SERVED.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(SERVED.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts that {@code body} is a JSON error with {@code code} whose message contains each of {@code parts}. */
    private static void assertError(String body, String code, String... parts) throws IOException {
        JsonNode error = JSON.readTree(body).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(parts);
    }

    /** Writes the head of a JSON POST to the standard model's infer route; {@code framing} says how the body ends. */
    private static void writeInferHead(OutputStream out, String framing) throws IOException {
        out.write(("POST /api/models/standard/infer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the first {@code size} bytes of {@code data} as one chunk of a chunked body. */
    private static void writeChunk(OutputStream out, byte[] data, int size) throws IOException {
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, size);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String inputsJson() {
        StringBuilder text = new StringBuilder("{\"inputs\": [");
        var batch = ModelFixtures.batch();
        for (int n = 0; n < batch.batch(); n++) {
            text.append(n == 0 ? "[" : ",[");
            for (int t = 0; t < batch.steps(); t++) {
                text.append(t == 0 ? "[" : ",[");
                for (int i = 0; i < batch.features(); i++) {
                    text.append(i == 0 ? "" : ",").append(batch.data()[(n * batch.steps() + t) * batch.features() + i]);
                }
                text.append("]");
            }
            text.append("]");
        }
        return text.append("]}").toString();
    }

    @Test
    void listingsNameBundlesActivationsAndModels() throws Exception {
        HttpResponse<String> plugins = get("/api/plugins");
        assertThat(plugins.statusCode()).isEqualTo(200);
        JsonNode bundles = JSON.readTree(plugins.body()).get("plugins");
        assertThat(bundles.findValuesAsText("name")).contains("org.hotcell.activations", "org.hotcell.cells",
                "org.hotcell.backend.simd", "org.apache.felix.fileinstall");

        JsonNode activations = JSON.readTree(get("/api/activations").body()).get("activations");
        JsonNode sigmoid = null;
        for (JsonNode a : activations) {
            if (a.get("name").asText().equals("sigmoid")) {
                sigmoid = a;
            }
        }
        assertThat(sigmoid).isNotNull();
        assertThat(sigmoid.get("origin").asText()).startsWith("bundle org.hotcell.activations ");

        JsonNode list = JSON.readTree(get("/api/models").body()).get("models");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("name").asText()).isEqualTo("scaled");
        assertThat(list.get(0).get("available").asBoolean()).isFalse();
        assertThat(list.get(0).get("error").asText()).contains("'scaled'");
        assertThat(list.get(1).get("available").asBoolean()).isTrue();
    }

    @Test
    void inferReturnsWhatTheModelServiceComputes() throws Exception {
        HttpResponse<String> response = post("/api/models/standard/infer", inputsJson());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        Outputs direct = SERVED.hosted().infer("standard", ModelFixtures.batch());
        assertThat(body.get("shape").toString()).isEqualTo("[2,2]");
        for (int n = 0; n < 2; n++) {
            for (int o = 0; o < 2; o++) {
                assertThat(body.get("outputs").get(n).get(o).floatValue()).isEqualTo(direct.data()[n * 2 + o]);
            }
        }
    }

    @Test
    void streamStepsKeepStatePerStream() throws Exception {
        String step = "{\"inputs\": [[0.5, -0.25], [0.1, 0.2]]}";
        JsonNode first = JSON.readTree(post("/api/models/standard/streams/a/step", step).body());
        JsonNode second = JSON.readTree(post("/api/models/standard/streams/a/step", step).body());
        JsonNode fresh = JSON.readTree(post("/api/models/standard/streams/b/step", step).body());
        assertThat(first.get("shape").toString()).isEqualTo("[2,2]");
        assertThat(fresh.get("outputs")).isEqualTo(first.get("outputs"));
        assertThat(second.get("outputs")).isNotEqualTo(first.get("outputs"));
    }

    @Test
    void anUnavailableModelAnswers503NamingTheMissingActivation() throws Exception {
        HttpResponse<String> response = post("/api/models/scaled/infer", inputsJson());
        assertThat(response.statusCode()).isEqualTo(503);
        assertError(response.body(), "HC-PLUGIN-UNAVAILABLE", "activation 'scaled'");
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "POST|/api/models/standard/infer|not json|400|not JSON",
        "POST|/api/models/standard/infer|{\"input\": []}|400|no \"inputs\"",
        "POST|/api/models/standard/infer|{\"inputs\": []}|400|inputs is empty",
        "POST|/api/models/standard/infer|{\"inputs\": [[[1,2]],[[1,2],[3,4]]]}|400|inputs[1] has 2 steps",
        "POST|/api/models/standard/infer|{\"inputs\": [[[1,\"x\"]]]}|400|inputs[0][0][1] is \"x\"",
        "POST|/api/models/standard/infer|{\"inputs\": [[[1,2,3]]]}|400|features per step",
        "POST|/api/models/standard/infer|{\"inputs\": [[[1e300,2]]]}|400|not a finite float32",
        "POST|/api/models/nope/infer|{\"inputs\": [[[1,2]]]}|404|no model named 'nope'",
        "GET|/api/models/standard/infer||405|use POST",
        "POST|/api/models|{}|405|use GET",
        "GET|/api/nothing||404|no such resource",
        "GET|/||404|no such resource",
        "POST|/api/models/standard/streams/s/step|{\"inputs\": [[[1,2]]]}|400|expected a number",
    })
    void badRequestsGet4xxJsonNamingTheProblem(String method, String path, String body, int status, String text)
            throws Exception {
        HttpResponse<String> response = method.equals("GET") ? get(path) : post(path, body == null ? "" : body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("error").get("message").asText()).contains(text);
        assertThat(get("/api/models").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413AndTheServerKeepsServing() throws Exception {
        String huge = "{\"inputs\": [[[" + "1,".repeat(HttpApi.MAX_BODY / 2) + "1]]]}";
        // Several times: the client writes the whole body before it reads, so a server that answered and closed
        // without reading the rest made the client see a reset instead of the 413 now and then.
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> response = post("/api/models/standard/infer", huge);
            assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(413);
            assertThat(response.body()).contains("limit");
        }
        assertThat(post("/api/models/standard/infer", inputsJson()).statusCode()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        // No Content-Length: the limit is found while reading.
        byte[] huge = ("{\"inputs\": [[[" + "1,".repeat(HttpApi.MAX_BODY) + "1]]]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(SERVED.uri("/api/models/standard/infer"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("over the limit of " + HttpApi.MAX_BODY + " bytes");
        assertThat(post("/api/models/standard/infer", inputsJson()).statusCode()).isEqualTo(200);
    }

    /** 50 MB: far over the limit and over what the server drained before it closed (a reset, not the 413). */
    private static final long FIFTY_MB = 50L * 1000 * 1000;

    /**
     * As a simple HTTP/1.1 client does (curl stops at an early answer; Python's http.client, HttpURLConnection and
     * many others first send the whole body, then read): 50 MB written to the end, and only then the answer read.
     */
    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    @Timeout(60)
    void aFiftyMegabyteBodySentWholeGetsA413InJsonNotAReset(boolean chunked) throws Exception {
        try (Socket socket = rawSocket()) {
            OutputStream out = socket.getOutputStream();
            writeInferHead(out, chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + FIFTY_MB);
            byte[] block = "1,".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long sent = 0; sent < FIFTY_MB; sent += block.length) {
                int size = (int) Math.min(block.length, FIFTY_MB - sent);
                if (chunked) {
                    writeChunk(out, block, size);
                } else {
                    out.write(block, 0, size);
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            RawResponse response = RawResponse.read(socket.getInputStream());
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().get("content-type")).startsWith("application/json");
            assertError(response.body(), "HC-BODY-TOO-LARGE", "over the limit of " + HttpApi.MAX_BODY + " bytes");
        }
        assertThat(post("/api/models/standard/infer", inputsJson()).statusCode()).isEqualTo(200);
    }

    @Test
    @Timeout(30)
    void aContentLengthOverTheLimitIsAnsweredBeforeTheBodyIsSent() throws Exception {
        try (Socket socket = rawSocket()) {
            OutputStream out = socket.getOutputStream();
            writeInferHead(out, "Content-Length: " + FIFTY_MB);
            out.flush();
            // Not one byte of the body is sent: the answer must come anyway.
            RawResponse response = RawResponse.read(socket.getInputStream());
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(response.headers()).containsEntry("connection", "close");
            assertError(response.body(), "HC-BODY-TOO-LARGE", FIFTY_MB + " bytes is over the limit");
        }
        assertThat(get("/api/models").statusCode()).isEqualTo(200);
    }

    @Test
    @Timeout(30)
    void aChunkedBodyIsAnsweredOnceItGrowsPastTheLimitWhileItIsStillStreaming() throws Exception {
        try (Socket socket = rawSocket()) {
            OutputStream out = socket.getOutputStream();
            writeInferHead(out, "Transfer-Encoding: chunked");
            byte[] chunk = "1,".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long sent = 0; sent <= HttpApi.MAX_BODY; sent += chunk.length) {
                writeChunk(out, chunk, chunk.length);
            }
            out.flush();
            // The body has not ended (no last chunk): the answer must come while it streams.
            RawResponse response = RawResponse.read(socket.getInputStream());
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).get("error").get("code").asText())
                    .isEqualTo("HC-BODY-TOO-LARGE");
        }
        assertThat(get("/api/models").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/models/%/infer", "/api/models/%zz/infer", "/api/models/a%2/infer"})
    @Timeout(30)
    void aMalformedPercentEscapeIs400JsonNamingThePath(String path) throws Exception {
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            RawResponse response = RawResponse.read(socket.getInputStream());
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().get("content-type")).startsWith("application/json");
            assertError(response.body(), "HC-BAD-REQUEST", path);
        }
        assertThat(get("/api/models").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET|/api/nothing",
        "GET|/",
        "GET|/favicon.ico",
        "GET|/api/models/standard",
        "POST|/api/models/standard/infer/now",
        "POST|/api/models/standard/streams/s/rewind",
    })
    void anUnknownRouteIs404NotFoundNamingThePath(String method, String path) throws Exception {
        HttpResponse<String> response = method.equals("GET") ? get(path) : post(path, "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertError(response.body(), "HC-NOT-FOUND", "no such resource " + path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET|/api/models/standard/infer|POST",
        "POST|/api/plugins|GET",
    })
    void aKnownRouteWithAnotherMethodStays405(String method, String path, String allowed) throws Exception {
        HttpResponse<String> response = method.equals("GET") ? get(path) : post(path, "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue(allowed);
        assertError(response.body(), "HC-METHOD-NOT-ALLOWED", path, "use " + allowed);
    }

    private static Socket rawSocket() throws IOException {
        return SERVED.socket(5_000);
    }

    /** A response read off a raw socket: status, headers (lower-case names) and a Content-Length body. */
    private record RawResponse(int status, Map<String, String> headers, String body) {
        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1)
                        .trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new RawResponse(Integer.parseInt(statusLine.substring(9, 12)), headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
