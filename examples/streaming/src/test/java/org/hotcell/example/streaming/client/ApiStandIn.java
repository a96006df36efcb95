package org.hotcell.example.streaming.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A test stand-in for the runtime's streaming route, {@code POST /api/models/{name}/streams/{id}/step} with
 * {@code {"inputs": [[...]]}} answered by {@code {"outputs": [[...]]}}, over any {@link StepClient}; other paths
 * get a 404 JSON error, as the runtime gives. It counts the requests it served.
 */
public final class ApiStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private ApiStandIn(HttpServer server) {
        this.server = server;
    }

    /** Serves model {@code model} through {@code delegate} on a free loopback port. */
    public static ApiStandIn serve(String model, StepClient delegate) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ApiStandIn standIn = new ApiStandIn(server);
        server.createContext("/", exchange -> standIn.handle(exchange, model, delegate));
        server.start();
        return standIn;
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests served so far. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange, String model, StepClient delegate) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // ["", "api", "models", name, "streams", id, "step"]
            if (parts.length != 7 || !parts[3].equals(model) || !parts[6].equals("step")
                    || !exchange.getRequestMethod().equals("POST")) {
                send(exchange, 404, "{\"error\": {\"code\": \"HC-NOT-FOUND\", \"message\": \"no model '"
                        + parts[Math.min(3, parts.length - 1)] + "'\"}}");
                return;
            }
            JsonNode row = JSON.readTree(exchange.getRequestBody()).path("inputs").path(0);
            float[] reading = new float[row.size()];
            for (int i = 0; i < reading.length; i++) {
                reading[i] = row.get(i).floatValue();
            }
            float[] out = delegate.step(parts[5], reading);
            ObjectNode root = JSON.createObjectNode();
            ArrayNode outputs = root.putArray("outputs").addArray();
            for (float y : out) {
                outputs.add(y);
            }
            send(exchange, 200, root.toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
