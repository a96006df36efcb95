package org.hotcell.runtime.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.NetworkTrafficServerConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.core.registry.ProviderKind;
import org.hotcell.core.registry.Registry;
import org.hotcell.runtime.models.InputBatch;
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
 * The HTTP API, on an embedded Jetty 12 server (its core handler API, no servlets) bound to 127.0.0.1:
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
 * Errors are JSON {@code {"error": {"code": ..., "message": ...}}}: 400 {@code HC-BAD-REQUEST} for a bad body,
 * shape or path, 404 {@code HC-NOT-FOUND} for an unknown route (naming the path) and {@code HC-UNKNOWN-MODEL} for an
 * unknown model, 405 {@code HC-METHOD-NOT-ALLOWED} for a wrong method, 408 {@code HC-TIMEOUT} for a body that does
 * not arrive in time, 413 {@code HC-BODY-TOO-LARGE} for a body over {@link #MAX_BODY} bytes, 431
 * {@code HC-HEADERS-TOO-LARGE} for headers over {@link #MAX_HEADERS} bytes, 503 {@code HC-BUSY} with Retry-After
 * when the request queue is full, 503 when a plugin a model needs is missing (the message names it), 500 for a
 * faulty plugin; for streams 404 {@code HC-UNKNOWN-STREAM}, 409 {@code HC-STREAM-EXISTS}, 400
 * {@code HC-STATE-MISMATCH} and {@code HC-BAD-STREAM-ID}, 429 {@code HC-TOO-MANY-STREAMS} with Retry-After when the
 * capacity is reached. Jetty's own error answers go through {@link JsonErrorHandler}, in the same format.
 *
 * <p>Slow clients cost a connection, never a thread: Jetty parses request lines and headers without blocking, the
 * body is read the same way ({@link BodyReader}), and only a request whose body is whole reaches the
 * {@link #WORKERS} workers. A connection silent for {@link #IDLE_TIMEOUT} is closed, a body must be whole within
 * {@link #BODY_TIME}, and at most {@link #MAX_CONNECTIONS} connections are open at once.
 *
 * <p>A body over the limit is answered as soon as that is known: before any of it is read when its Content-Length
 * says so, else once the limit is passed. The rest is then read and dropped (see {@link #DRAIN_LIMIT}), so that a
 * client that sends its whole body before it reads still gets the 413 instead of a reset connection.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** The largest request body accepted, in bytes. */
    public static final int MAX_BODY = 1 << 20;
    /** The largest request line plus headers accepted, in bytes; more is answered 431 (414 for the line alone). */
    static final int MAX_HEADERS = 8 * 1024;
    /** A connection that sends or accepts nothing for this long is closed (a request under way gets 408). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** The longest a request body may take to arrive whole, however it trickles; then 408. */
    static final Duration BODY_TIME = Duration.ofSeconds(30);
    /** The most connections open at once; beyond it new ones wait in the accept queue. */
    static final int MAX_CONNECTIONS = 1024;
    /** While at {@link #MAX_CONNECTIONS}, idle connections are closed after this long instead of the idle timeout. */
    static final Duration IDLE_TIMEOUT_WHEN_FULL = Duration.ofSeconds(2);
    /** Threads that compute answers. */
    static final int WORKERS = 4;
    /** Requests with a whole body waiting for a worker; one more is answered 503 {@code HC-BUSY}. */
    static final int QUEUE = 1024;
    /** The Retry-After of a 503 {@code HC-BUSY}. */
    static final int RETRY_AFTER_SECONDS = 1;

    /**
     * Most bytes of an unread body dropped after the answer, so that the client can read it (see
     * {@link BodyReader#drain}). Dropping costs no memory; {@link #DRAIN_TIME} bounds the time.
     */
    static final long DRAIN_LIMIT = 256L * MAX_BODY;
    /** The longest an unread body is drained after the answer before the connection is closed. */
    static final Duration DRAIN_TIME = Duration.ofSeconds(60);

    static final String JSON_TYPE = "application/json; charset=utf-8";

    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor workers;
    private final PluginHost host;
    private final ModelService models;
    private final ObjectMapper json = new ObjectMapper();
    private final StreamRoutes streamRoutes = new StreamRoutes(json);

    private HttpApi(PluginHost host, ModelService models, int port) {
        this.host = host;
        this.models = models;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread thread = new Thread(r, "hotcell-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        QueuedThreadPool io = new QueuedThreadPool(64, 4);
        io.setName("hotcell-jetty");
        io.setDaemon(true);
        this.server = new Server(io);
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(MAX_HEADERS);
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        // Routes match the raw path here, never a file: paths Jetty would call ambiguous (%2F, //, ..) reach the
        // router, as they did on the JDK server. A malformed escape fails Jetty's URI parser before any handler, so
        // RequestLines keeps the request line for the error handler to name it.
        config.setUriCompliance(UriCompliance.from(EnumSet.allOf(UriCompliance.Violation.class)));
        RequestLines lines = new RequestLines();
        NetworkTrafficServerConnector connector = new NetworkTrafficServerConnector(server,
                new HttpConnectionFactory(config));
        this.connector = connector;
        connector.setNetworkTrafficListener(lines);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        NetworkConnectionLimit limit = new NetworkConnectionLimit(MAX_CONNECTIONS, connector);
        limit.setEndPointIdleTimeout(IDLE_TIMEOUT_WHEN_FULL.toMillis());
        server.addBean(limit);
        server.setErrorHandler(new JsonErrorHandler(json, lines));
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                HttpApi.this.handle(request, response, callback);
                return true;
            }
        });
        server.setStopTimeout(0);
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, or 0 for any free one (see {@link #port()}, which is also logged)
     */
    public static HttpApi start(PluginHost host, ModelService models, int port) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(models, "models");
        HttpApi api = new HttpApi(host, models, port);
        try {
            api.server.start();
        } catch (IOException e) {
            api.close();
            throw e;
        } catch (Exception e) {
            api.close();
            throw new IOException("cannot start the HTTP API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        LOG.info("HTTP API on http://127.0.0.1:{}/api/", api.port());
        return api;
    }

    /** The port served. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping the HTTP server: {}", e.toString());
        }
        workers.shutdownNow();
    }

    /** A request whose body has been read (or refused), and where its answer goes. */
    private record Exchange(Request request, Response response, BodyReader.Body body) {
        String method() {
            return request.getMethod();
        }

        String rawPath() {
            return request.getHttpURI().getPath();
        }

        void header(HttpHeader name, String value) {
            response.getHeaders().put(name, value);
        }
    }

    /** Reads the body without a thread, then queues the request for a worker, or answers 503 if the queue is full. */
    private void handle(Request request, Response response, Callback callback) {
        BodyReader.read(request, MAX_BODY, BODY_TIME).whenComplete((body, failure) -> {
            Exchange exchange = new Exchange(request, response, body == null
                    ? new BodyReader.Body(null, RequestException.badRequest("cannot read the body: " + failure))
                    : body);
            try {
                workers.execute(() -> answer(exchange, callback));
            } catch (RejectedExecutionException e) {
                exchange.header(HttpHeader.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
                send(exchange, 503, error(RequestException.busy("the server is busy: " + WORKERS + " workers and "
                        + QUEUE + " queued requests; retry after " + RETRY_AFTER_SECONDS + " s")), callback);
            }
        });
    }

    private void answer(Exchange exchange, Callback callback) {
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
            exchange.header(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
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
        } catch (IOException | RuntimeException | Error e) {
            LOG.warn("request {} {} failed", exchange.method(), exchange.request().getHttpURI(), e);
            status = 500;
            body = error("HC-INTERNAL", "internal error: " + e);
        }
        send(exchange, status, body, callback);
    }

    private Object route(Exchange exchange) throws IOException {
        String method = exchange.method();
        String path = exchange.rawPath();
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
            InputBatch inputs = InputsJson.sequences(json, body(exchange));
            return outputs(models.infer(parts.get(2), inputs));
        }
        if (resource.equals("models") && parts.size() == 6 && parts.get(3).equals("streams")
                && parts.get(5).equals("step")) {
            requireMethod(method, "POST", exchange);
            InputBatch inputs = InputsJson.step(json, body(exchange));
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
    private Object streamRoute(Exchange exchange, String method, List<String> parts) throws IOException {
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
    private static void requireMethod(String method, String allowed, Exchange exchange) {
        if (List.of(allowed.split(", ")).stream().noneMatch(method::equalsIgnoreCase)) {
            exchange.header(HttpHeader.ALLOW, allowed);
            throw RequestException.methodNotAllowed("method " + method + " is not allowed on "
                    + exchange.rawPath() + "; use " + allowed);
        }
    }

    /**
     * The request body, read before the route ran; one over {@link #MAX_BODY} bytes is never buffered whole (see
     * {@link BodyReader#read}). A refused body is marked to close the connection, since its rest is dropped only up
     * to {@link #DRAIN_LIMIT}.
     */
    private static byte[] body(Exchange exchange) {
        RequestException refusal = exchange.body().refusal();
        if (refusal != null && refusal.status() == 413) {
            exchange.header(HttpHeader.CONNECTION, "close");
        }
        return exchange.body().get();
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
     * Writes the whole answer, then drops what is left of the request body (see {@link BodyReader#drain}) before the
     * exchange ends: a client that sends its whole body before it reads finds the answer waiting, and one that reads
     * at once can stop sending.
     */
    private void send(Exchange exchange, int status, Object body, Callback callback) {
        String type = JSON_TYPE;
        byte[] bytes;
        try {
            if (body instanceof StreamRoutes.Reply reply) {
                status = reply.status();
                type = reply.contentType();
                bytes = reply.body();
            } else {
                bytes = json.writeValueAsBytes(body);
            }
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        Response response = exchange.response();
        Request request = exchange.request();
        boolean cutOff = exchange.body().timedOut();
        if (cutOff) {
            exchange.header(HttpHeader.CONNECTION, "close");
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        if (status != 204) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length));
        }
        response.write(true, status == 204 ? null : ByteBuffer.wrap(bytes), Callback.from(() -> {
            if (cutOff) {
                callback.succeeded();
            } else {
                BodyReader.drain(request, DRAIN_LIMIT, DRAIN_TIME, callback::succeeded);
            }
        }, failure -> {
            LOG.debug("cannot answer {}: {}", request.getHttpURI(), failure.toString());
            callback.failed(failure);
        }));
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
