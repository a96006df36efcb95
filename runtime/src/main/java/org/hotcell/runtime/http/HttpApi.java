package org.hotcell.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
import org.hotcell.runtime.streams.InvalidStreamIdException;
import org.hotcell.runtime.streams.StateMismatchException;
import org.hotcell.runtime.streams.StreamExistsException;
import org.hotcell.runtime.streams.TooManyStreamsException;
import org.hotcell.runtime.streams.UnknownStreamException;
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
 * GET  /api/streams                           open streams, capacity, idle timeout, store file
 * POST /api/models/{name}/streams             {} or {"id": ...} -> 201 and the new stream
 * GET  /api/models/{name}/streams/{id}        model, id, batch, steps, last use, h and c sizes per layer
 * POST /api/models/{name}/streams/{id}/reset  back to a fresh stream
 * DELETE /api/models/{name}/streams/{id}      removes it
 * GET  /api/models/{name}/streams/{id}/state  its state as bytes (application/octet-stream)
 * PUT  /api/models/{name}/streams/{id}/state  creates or replaces it from such bytes
 * </pre>
 *
 * Errors are JSON {@code {"error": {"code": ..., "message": ...}}}: 400 {@code HC-BAD-REQUEST} for a bad body or
 * shape, 404 {@code HC-NOT-FOUND} for an unknown route (naming the path) and {@code HC-UNKNOWN-MODEL} for an
 * unknown model, 405 {@code HC-METHOD-NOT-ALLOWED} for a wrong method, 413 {@code HC-BODY-TOO-LARGE} for a body over
 * {@link #MAX_BODY} bytes, 503 when a plugin a model needs is missing (the message names it), 500 for a faulty
 * plugin; for streams 404 {@code HC-UNKNOWN-STREAM}, 409 {@code HC-STREAM-EXISTS}, 400 {@code HC-STATE-MISMATCH} and
 * {@code HC-BAD-STREAM-ID}, 429 {@code HC-TOO-MANY-STREAMS} with Retry-After when the capacity is reached. Every
 * handler catches everything, so no request can stop the server; request and response times are
 * bounded through the JDK server's settings.
 *
 * <p>A body over the limit is answered as soon as that is known: before any of it is read when its Content-Length
 * says so, else once the limit is passed. The rest is then read and dropped (see {@link #DRAIN_LIMIT}), so that a
 * client that sends its whole body before it reads still gets the 413 instead of a reset connection.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** The largest request body accepted, in bytes. */
    public static final int MAX_BODY = 1 << 20;

    /**
     * Most bytes of an unread body dropped after the answer, so that the client can read it (see {@link #drain}).
     * Dropping costs no memory; the JDK server's request timeout ({@code maxReqTime}) bounds the time.
     */
    static final long DRAIN_LIMIT = 256L * MAX_BODY;

    /** The first buffer for a body of unknown length (chunked), grown as needed up to the limit. */
    private static final int CHUNKED_START = 64 * 1024;

    static final String JSON_TYPE = "application/json; charset=utf-8";

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
    private final StreamRoutes streamRoutes = new StreamRoutes(json);

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
            } catch (RequestException e) {
                status = e.status();
                body = error(e);
            } catch (UnknownStreamException e) {
                status = 404;
                body = error(e);
            } catch (StreamExistsException e) {
                status = 409;
                body = error(e);
            } catch (TooManyStreamsException e) {
                status = 429;
                exchange.getResponseHeaders().set("Retry-After",
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())));
                body = error(e);
            } catch (StateMismatchException | InvalidStreamIdException e) {
                status = 400;
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
            // The answer goes out first; only then is an unread body dropped, so a client that sends its whole
            // body before it reads finds the answer waiting, and one that reads at once can stop sending.
            OutputStream out = send(exchange, status, body);
            drain(exchange.getRequestBody());
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot answer {}: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private Object route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        List<String> parts = segments(path);
        if (parts.size() < 2 || !parts.get(0).equals("api")) {
            throw RequestException.notFound("no such resource " + path
                    + "; the API is under /api/: plugins, activations, models");
        }
        String resource = parts.get(1);
        if (parts.size() == 2 && List.of("plugins", "activations", "models", "streams").contains(resource)) {
            requireMethod(method, "GET", exchange);
            return switch (resource) {
                case "plugins" -> plugins();
                case "activations" -> activations();
                case "streams" -> streamRoutes.status(models.streams());
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
        if (resource.equals("models") && parts.size() >= 4 && parts.get(3).equals("streams")) {
            Object answer = streamRoute(exchange, method, parts);
            if (answer != null) {
                return answer;
            }
        }
        throw RequestException.notFound("no such resource " + path
                + "; try GET /api/models or POST /api/models/{name}/infer");
    }

    /** The stream lifecycle routes; null when the path is none of them. */
    private Object streamRoute(HttpExchange exchange, String method, List<String> parts) throws IOException {
        String model = parts.get(2);
        if (parts.size() == 4) {
            requireMethod(method, "POST", exchange);
            return streamRoutes.create(models.streams(), model, body(exchange));
        }
        String id = parts.get(4);
        if (parts.size() == 5) {
            requireMethod(method, "GET, DELETE", exchange);
            if (method.equalsIgnoreCase("DELETE")) {
                models.streams().delete(model, id);
                return new StreamRoutes.Reply(204, JSON_TYPE, new byte[0]);
            }
            return streamRoutes.info(models.streams().info(model, id));
        }
        if (parts.size() == 6 && parts.get(5).equals("reset")) {
            requireMethod(method, "POST", exchange);
            return streamRoutes.info(models.streams().reset(model, id));
        }
        if (parts.size() == 6 && parts.get(5).equals("state")) {
            requireMethod(method, "GET, PUT", exchange);
            if (method.equalsIgnoreCase("PUT")) {
                return streamRoutes.info(models.streams().importState(model, id, body(exchange)));
            }
            return streamRoutes.export(models.streams(), model, id);
        }
        return null;
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

    /** Refuses a method not in {@code allowed} (one, or several separated by ", ", as the Allow header lists them). */
    private static void requireMethod(String method, String allowed, HttpExchange exchange) {
        if (List.of(allowed.split(", ")).stream().noneMatch(method::equalsIgnoreCase)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw RequestException.methodNotAllowed("method " + method + " is not allowed on "
                    + exchange.getRequestURI().getRawPath() + "; use " + allowed);
        }
    }

    /**
     * The request body; one over {@link #MAX_BODY} bytes is never buffered whole: a Content-Length over the limit is
     * refused before anything is read, a chunked body as soon as it passes the limit. A refused body is marked to
     * close the connection, since its rest is dropped only up to {@link #DRAIN_LIMIT}.
     */
    private static byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        InputStream in = exchange.getRequestBody();
        if (length == null) {
            byte[] body = readAtMost(in, MAX_BODY);
            if (body == null) {
                throw tooLarge(exchange, "request body is over the limit of " + MAX_BODY + " bytes");
            }
            return body;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw RequestException.badRequest("Content-Length '" + length + "' is not a number");
        }
        if (declared > MAX_BODY) {
            throw tooLarge(exchange, "request body of " + declared + " bytes is over the limit of " + MAX_BODY
                    + " bytes");
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            throw RequestException.badRequest("request body ended after " + read + " of its " + declared + " bytes");
        }
        return body;
    }

    private static RequestException tooLarge(HttpExchange exchange, String message) {
        exchange.getResponseHeaders().set("Connection", "close");
        return RequestException.bodyTooLarge(message);
    }

    /** All of {@code in} if it holds at most {@code limit} bytes, else null once it has given more. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] buffer = new byte[Math.min(limit + 1, CHUNKED_START)];
        int size = 0;
        int read;
        while ((read = in.read(buffer, size, buffer.length - size)) >= 0) {
            size += read;
            if (size > limit) {
                return null;
            }
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1L, 2L * buffer.length));
            }
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    /**
     * Reads and drops what is left of the request body, up to {@link #DRAIN_LIMIT} bytes, after the answer has been
     * sent. An HTTP/1.1 client may send its whole body before it reads the answer; closing the connection under it
     * makes it see a reset and never the answer. Beyond the limit the connection is closed anyway (the JDK server
     * closes a connection whose body was not read to its end), so an endless body cannot hold the server.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
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

    /**
     * Writes the whole answer and flushes it to the client, leaving the stream open: closing it ends the exchange,
     * and the JDK server then closes a connection whose request body is unread.
     */
    private OutputStream send(HttpExchange exchange, int status, Object body) throws IOException {
        String type = JSON_TYPE;
        byte[] bytes;
        if (body instanceof StreamRoutes.Reply reply) {
            status = reply.status();
            type = reply.contentType();
            bytes = reply.body();
        } else {
            bytes = json.writeValueAsBytes(body);
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        // 204 has no body: the JDK server wants -1 for "no body" there.
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes);
        out.flush();
        return out;
    }

    /** The path's segments, percent-decoded; a malformed escape is a 400 naming the path. */
    private static List<String> segments(String rawPath) {
        try {
            return Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                    .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest("the path " + rawPath + " is not valid: " + e.getMessage());
        }
    }
}
