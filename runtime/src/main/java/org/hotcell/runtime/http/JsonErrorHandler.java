package org.hotcell.runtime.http;

import java.nio.ByteBuffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line or headers it cannot parse or that are too large, a request cut off by
 * the idle timeout) in the API's JSON format {@code {"error": {"code": ..., "message": ...}}} instead of its HTML
 * pages. The codes follow the status: 400 {@code HC-BAD-REQUEST}, 408 {@code HC-TIMEOUT}, 413
 * {@code HC-BODY-TOO-LARGE}, 414 {@code HC-URI-TOO-LONG}, 431 {@code HC-HEADERS-TOO-LARGE}, 503 {@code HC-BUSY}
 * (with Retry-After), other 4xx {@code HC-BAD-REQUEST} and 5xx {@code HC-INTERNAL}.
 */
final class JsonErrorHandler implements Request.Handler {
    private final ObjectMapper json;
    private final RequestLines lines;

    JsonErrorHandler(ObjectMapper json, RequestLines lines) {
        this.json = json;
        this.lines = lines;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer given ? given
                : response.getStatus();
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        String detail = reason == null ? "" : ": " + reason;
        String code;
        String message;
        switch (status) {
            case 408 -> {
                code = "HC-TIMEOUT";
                message = "the request did not arrive within the idle timeout of " + HttpApi.IDLE_TIMEOUT.toSeconds()
                        + " s";
            }
            case 413 -> {
                code = "HC-BODY-TOO-LARGE";
                message = "request body is over the limit of " + HttpApi.MAX_BODY + " bytes";
            }
            case 414 -> {
                code = "HC-URI-TOO-LONG";
                message = "the request line is over the limit of " + HttpApi.MAX_HEADERS + " bytes";
            }
            case 431 -> {
                code = "HC-HEADERS-TOO-LARGE";
                message = "the request headers are over the limit of " + HttpApi.MAX_HEADERS + " bytes";
            }
            case 503 -> {
                code = "HC-BUSY";
                message = "the server is busy; retry after " + HttpApi.RETRY_AFTER_SECONDS + " s";
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(HttpApi.RETRY_AFTER_SECONDS));
            }
            case 400 -> {
                code = "HC-BAD-REQUEST";
                String target = lines.malformedTarget(request.getConnectionMetaData().getRemoteSocketAddress());
                message = target != null
                        ? "the path " + target + " is not valid: it has a malformed percent-escape"
                        : "the request is not valid" + detail(request, reason);
            }
            default -> {
                code = status >= 500 ? "HC-INTERNAL" : "HC-BAD-REQUEST";
                message = (status >= 500 ? "internal error" : "bad request") + detail;
            }
        }
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        byte[] bytes = json.writeValueAsBytes(root);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, HttpApi.JSON_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length));
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    /** Why Jetty refused the request: its cause's message when it says more than the status text. */
    private static String detail(Request request, Object reason) {
        Object failure = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        String cause = failure instanceof Throwable t && t.getMessage() != null ? t.getMessage() : null;
        String text = cause != null ? cause : reason == null ? null : reason.toString();
        return text == null || text.isBlank() ? "" : ": " + text;
    }
}
