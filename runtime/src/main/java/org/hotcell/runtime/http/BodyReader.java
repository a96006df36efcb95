package org.hotcell.runtime.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while the client is slow: each read that finds nothing asks Jetty to
 * call back when there is more. A client that sends part of its body and stalls costs a connection, not a worker,
 * until the idle timeout or {@link HttpApi#BODY_TIME} cuts it off.
 */
final class BodyReader {
    /** The first buffer for a body of unknown length (chunked), grown as needed up to the limit. */
    private static final int CHUNKED_START = 64 * 1024;

    /** A body read whole, or the refusal to give when a route asks for it. */
    record Body(byte[] bytes, RequestException refusal) {
        /** The bytes; throws the refusal (413, 408 or 400) if there are none. */
        byte[] get() {
            if (refusal != null) {
                throw refusal;
            }
            return bytes;
        }

        /** True when the connection cannot be reused: the body was cut off before its end. */
        boolean timedOut() {
            return refusal != null && refusal.status() == 408;
        }
    }

    private final Request request;
    private final int limit;
    private final long declared;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private byte[] buffer;
    private int size;

    private BodyReader(Request request, int limit, long declared) {
        this.request = request;
        this.limit = limit;
        this.declared = declared;
        this.buffer = new byte[declared >= 0 ? (int) declared : Math.min(limit + 1, CHUNKED_START)];
    }

    /**
     * The body of {@code request}, at most {@code limit} bytes: a Content-Length over the limit is refused before any
     * of it is read, a chunked body as soon as it passes the limit, a body not whole within {@code time} is a 408.
     */
    static CompletableFuture<Body> read(Request request, int limit, Duration time) {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > limit) {
            return CompletableFuture.completedFuture(new Body(null, RequestException.bodyTooLarge(
                    "request body of " + declared + " bytes is over the limit of " + limit + " bytes")));
        }
        // HTTP/1.1: without a Content-Length or a Transfer-Encoding there is no body.
        if (declared == 0 || (declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
            return CompletableFuture.completedFuture(new Body(new byte[0], null));
        }
        BodyReader reader = new BodyReader(request, limit, declared);
        Scheduler.Task deadline = request.getComponents().getScheduler().schedule(
                () -> reader.result.complete(new Body(null, RequestException.timeout("request body did not arrive "
                        + "within " + time.toSeconds() + " s; " + reader.size + " bytes came"))),
                time.toMillis(), TimeUnit.MILLISECONDS);
        reader.result.whenComplete((body, failure) -> deadline.cancel());
        reader.run();
        return reader.result;
    }

    private void run() {
        try {
            readAvailable();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void readAvailable() {
        while (!result.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this::run);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.complete(new Body(null, failed(chunk.getFailure())));
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int length = bytes.remaining();
            if ((long) size + length > limit) {
                chunk.release();
                result.complete(new Body(null, RequestException.bodyTooLarge(
                        "request body is over the limit of " + limit + " bytes")));
                return;
            }
            if (size + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1L, Math.max(2L * buffer.length, size + length)));
            }
            bytes.get(buffer, size, length);
            size += length;
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                result.complete(new Body(size == buffer.length ? buffer : Arrays.copyOf(buffer, size), null));
                return;
            }
        }
    }

    private RequestException failed(Throwable failure) {
        if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
            return RequestException.timeout("request body stalled: no data within the idle timeout of "
                    + HttpApi.IDLE_TIMEOUT.toSeconds() + " s after " + size + " bytes");
        }
        return RequestException.badRequest(declared >= 0
                ? "request body ended after " + size + " of its " + declared + " bytes"
                : "request body ended after " + size + " bytes: " + failure.getMessage());
    }

    /**
     * Reads and drops what is left of the request body, up to {@code limit} bytes and for at most {@code time}, then
     * runs {@code done} once. An HTTP/1.1 client may send its whole body before it reads the answer; closing the
     * connection under it makes it see a reset and never the answer. Past either bound Jetty closes the connection.
     */
    static void drain(Request request, long limit, Duration time, Runnable done) {
        AtomicBoolean finished = new AtomicBoolean();
        Runnable once = () -> {
            if (finished.compareAndSet(false, true)) {
                done.run();
            }
        };
        Scheduler.Task deadline = request.getComponents().getScheduler().schedule(once, time.toMillis(),
                TimeUnit.MILLISECONDS);
        new Runnable() {
            private long left = limit;

            @Override
            public void run() {
                while (!finished.get()) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    left -= chunk.getByteBuffer().remaining();
                    boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk) || left <= 0;
                    chunk.release();
                    if (end) {
                        deadline.cancel();
                        once.run();
                        return;
                    }
                }
            }
        }.run();
    }
}
