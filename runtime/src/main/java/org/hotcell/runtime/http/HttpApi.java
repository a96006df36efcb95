package org.hotcell.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.core.registry.ProviderKind;
import org.hotcell.core.registry.Registry;
import org.hotcell.runtime.models.Batch;
import org.hotcell.runtime.models.ModelNotFoundException;
import org.hotcell.runtime.models.ModelService;
import org.hotcell.runtime.models.ModelStatus;
import org.hotcell.runtime.models.Outputs;
import org.hotcell.runtime.plugin.PluginHost;
import org.hotcell.runtime.plugin.PluginInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API, on the JDK's {@link HttpServer} bound to 127.0.0.1:
 *
 * <pre>
 * GET  /api/plugins                           bundles (or layers) and what each provides
 * GET  /api/activations                       activation names, their plugin and description
 * GET  /api/models                            hosted models, available or not (with the reason)
 * POST /api/models/{name}/infer               {"inputs": [[[...]]]} (N x T x I) -> {"outputs": ...}
 * POST /api/models/{name}/streams/{id}/step   {"inputs": [[...]]} (N x I) -> {"outputs": [[...]]} (N x O)
 * </pre>
 *
 * Errors are JSON {@code {"error": {"code": ..., "message": ...}}}: 400 for a bad body or shape, 404 for an
 * unknown route or model, 405 for a wrong method, 413 for a body over {@link #MAX_BODY} bytes, 503 when a plugin a
 * model needs is missing (the message names it), 500 for a faulty plugin. Every handler catches everything, so no
 * request can stop the server; request and response times are bounded through the JDK server's settings.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** The largest request body accepted, in bytes. */
    public static final int MAX_BODY = 1 << 20;

    /** Most bytes of a rejected body read and dropped so the client can receive the 413 (see drain). */
    static final long DRAIN_LIMIT = 16L * MAX_BODY;

    static {
        // Read once by the JDK server's configuration: a client that stalls is cut off instead of holding a thread.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "60"));
        System.setProperty("sun.net.httpserver.maxReqHeaders",
                System.getProperty("sun.net.httpserver.maxReqHeaders", "100"));
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final PluginHost host;
    private final ModelService models;
    private final ObjectMapper json = new ObjectMapper();

    private HttpApi(HttpServer server, ThreadPoolExecutor workers, PluginHost host, ModelService models) {
        this.server = server;
        this.workers = workers;
        this.host = host;
        this.models = models;
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, or 0 for any free one (see {@link #port()}, which is also logged)
     */
    public static HttpApi start(PluginHost host, ModelService models, int port) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(models, "models");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger count = new AtomicInteger();
        // A bounded queue; when full, the accepting thread runs the request itself, which slows intake down.
        ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                r -> {
                    Thread thread = new Thread(r, "hotcell-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        HttpApi api = new HttpApi(server, workers, host, models);
        server.createContext("/", api::handle);
        server.setExecutor(workers);
        server.start();
        LOG.info("HTTP API on http://127.0.0.1:{}/api/", api.port());
        return api;
    }

    /** The port served. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            int status;
            Object body;
            try {
                body = route(exchange);
                status = 200;
            } catch (BadRequestException e) {
                status = e.status();
                body = error(e);
            } catch (ModelNotFoundException e) {
                status = 404;
                body = error(e);
            } catch (PluginUnavailableException e) {
                status = 503;
                body = error(e);
            } catch (ShapeMismatchException | InvalidSpecException e) {
                status = 400;
                body = error(e);
            } catch (HotcellException e) {
                status = 500;
                body = error(e);
            } catch (RuntimeException | Error e) {
                LOG.warn("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = error("HC-INTERNAL", "internal error: " + e);
            }
            send(exchange, status, body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot answer {}: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private Object route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> parts = segments(exchange.getRequestURI().getRawPath());
        if (parts.size() < 2 || !parts.get(0).equals("api")) {
            throw new BadRequestException(404, "no such resource " + exchange.getRequestURI().getPath()
                    + "; the API is under /api/: plugins, activations, models");
        }
        String resource = parts.get(1);
        if (parts.size() == 2 && List.of("plugins", "activations", "models").contains(resource)) {
            requireMethod(method, "GET", exchange);
            return switch (resource) {
                case "plugins" -> plugins();
                case "activations" -> activations();
                default -> modelList();
            };
        }
        if (resource.equals("models") && parts.size() == 4 && parts.get(3).equals("infer")) {
            requireMethod(method, "POST", exchange);
            Batch inputs = InputsJson.sequences(json, body(exchange));
            return outputs(models.infer(parts.get(2), inputs));
        }
        if (resource.equals("models") && parts.size() == 6 && parts.get(3).equals("streams")
                && parts.get(5).equals("step")) {
            requireMethod(method, "POST", exchange);
            Batch inputs = InputsJson.step(json, body(exchange));
            return outputs(models.step(parts.get(2), parts.get(4), inputs));
        }
        throw new BadRequestException(404, "no such resource " + exchange.getRequestURI().getPath()
                + "; try GET /api/models or POST /api/models/{name}/infer");
    }

    private ObjectNode plugins() {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("plugins");
        for (PluginInfo info : host.plugins()) {
            ObjectNode node = list.addObject();
            node.put("name", info.name());
            node.put("version", info.version());
            node.put("state", info.state());
            node.put("location", info.location());
            ArrayNode provides = node.putArray("provides");
            info.provides().forEach(provides::add);
        }
        return root;
    }

    private ObjectNode activations() {
        Registry registry = host.registry();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("activations");
        for (String name : registry.activationNames()) {
            ObjectNode node = list.addObject();
            node.put("name", name);
            node.put("origin", registry.origin(ProviderKind.ACTIVATION, name).orElse(null));
            try {
                // Plugin code: a plugin that fails to describe itself must not fail the listing.
                ActivationFactory factory = registry.activationFactory(name).orElseThrow();
                node.put("description", factory.describe(name));
                ArrayNode parameters = node.putArray("parameters");
                for (ActivationParameter p : factory.parameters(name)) {
                    parameters.add(p.name() + "=" + p.defaultValue().text());
                }
            } catch (RuntimeException e) {
                node.put("error", "its plugin failed to describe it: " + e);
            }
        }
        return root;
    }

    private ObjectNode modelList() {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("models");
        for (ModelStatus status : models.models()) {
            ObjectNode node = list.addObject();
            node.put("name", status.name());
            node.put("available", status.available());
            if (status.error() != null) {
                node.put("error", status.error());
            }
            node.put("input_size", status.inputSize());
            node.put("outputs", status.outputs());
            node.put("readout", status.readout());
        }
        return root;
    }

    private ObjectNode outputs(Outputs outputs) {
        ObjectNode root = json.createObjectNode();
        int[] shape = outputs.shape();
        ArrayNode top = root.putArray("outputs");
        fill(top, outputs.data(), shape, 0, 0);
        ArrayNode shapeNode = root.putArray("shape");
        for (int size : shape) {
            shapeNode.add(size);
        }
        return root;
    }

    /** Writes the block of {@code data} at {@code offset} with dimensions {@code shape[dim..]} into {@code node}. */
    private static void fill(ArrayNode node, float[] data, int[] shape, int dim, int offset) {
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                node.add(data[offset + i]);
            } else {
                fill(node.addArray(), data, shape, dim + 1, offset + i * stride);
            }
        }
    }

    private static void requireMethod(String method, String allowed, HttpExchange exchange) {
        if (!method.equalsIgnoreCase(allowed)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new BadRequestException(405, "method " + method + " is not allowed on "
                    + exchange.getRequestURI().getPath() + "; use " + allowed);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException(400, "Content-Length '" + length + "' is not a number");
            }
            if (declared > MAX_BODY) {
                drain(exchange.getRequestBody());
                throw new BadRequestException(413, "request body of " + length.trim() + " bytes is over the limit "
                        + "of " + MAX_BODY + " bytes");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                out.write(buffer, 0, read);
                if (out.size() > MAX_BODY) {
                    drain(in);
                    throw new BadRequestException(413, "request body is over the limit of " + MAX_BODY + " bytes");
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops what is left of a rejected body, up to {@link #DRAIN_LIMIT} bytes. An HTTP/1.1 client
     * sends its whole body before it reads the answer; closing the connection under it instead makes it see a
     * reset and never the 413 (a race the tests hit now and then). Beyond the limit the connection is closed
     * anyway, so an endless body cannot hold the server.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }

    private ObjectNode error(HotcellException e) {
        return error(e.code(), e.getMessage());
    }

    private ObjectNode error(String code, String message) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return root;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String> segments(String rawPath) {
        return java.util.Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    }
}
