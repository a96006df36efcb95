package org.hotcell.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotcell.runtime.testing.ServedApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Slow clients cannot stall the API (issue 19, defect 2): 500 sockets that send part of a request and then stall
 * hold no thread, and a normal request is still answered within a second; each is cut off in bounded time, and
 * headers over the limit get a 431 in JSON.
 */
class SlowClientsIT {
    private static final int SLOW_SOCKETS = 500;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a slow client sends before it stalls: part of a request line, part of the headers, one body byte. */
    private static final List<String> PARTIAL_REQUESTS = List.of(
            "GET /api/mod",
            "GET /api/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
            "POST /api/models/standard/infer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{");

    @RegisterExtension
    static final ServedApi SERVED = new ServedApi(Map.of("standard", "tanh"));

    @Test
    @Timeout(60)
    void fiveHundredStalledSocketsDoNotDelayAPlainGet() throws Exception {
        // Warm up client and server first, so the measured time is the server's answer, not class loading.
        assertThat(getModels(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_SOCKETS; i++) {
                Socket socket = SERVED.socket(0);
                slow.add(socket);
                socket.getOutputStream().write(PARTIAL_REQUESTS.get(i % PARTIAL_REQUESTS.size())
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            // Let the server take all of them in before the plain request.
            Thread.sleep(500);
            long start = System.nanoTime();
            HttpResponse<String> response = getModels(Duration.ofSeconds(5));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("SlowClientsIT: GET /api/models with %d stalled sockets answered %d in %d ms%n",
                    SLOW_SOCKETS, response.statusCode(), took.toMillis());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"standard\"");
            assertThat(took).isLessThan(Duration.ofSeconds(1));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Before a request exists Jetty closes without a word; a request waiting for its body gets a 408 in JSON. */
    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', value = {
        "0|",
        "1|",
        "2|HC-TIMEOUT",
    })
    @Timeout(60)
    void aStalledSocketIsCutOffByTheIdleTimeout(int which, String code) throws Exception {
        String partial = PARTIAL_REQUESTS.get(which);
        try (Socket socket = SERVED.socket((int) HttpApi.IDLE_TIMEOUT.plusSeconds(10).toMillis())) {
            socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            String answer = readUntilClosed(socket.getInputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as(partial).isLessThan(HttpApi.IDLE_TIMEOUT.plusSeconds(5));
            if (code == null) {
                assertThat(answer).as(partial).isEmpty();
            } else {
                assertThat(answer).as(partial).startsWith("HTTP/1.1 408 ")
                        .contains("application/json").contains("\"code\":\"" + code + "\"");
            }
        }
    }

    /** A body that trickles in, a byte at a time well inside the idle timeout, is cut off at {@link HttpApi#BODY_TIME}. */
    @Test
    @Timeout(90)
    void aTricklingBodyIsCutOffAt408() throws Exception {
        try (Socket socket = SERVED.socket(2_000)) {
            OutputStream out = socket.getOutputStream();
            out.write(PARTIAL_REQUESTS.get(2).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (Duration.ofNanos(System.nanoTime() - start).compareTo(HttpApi.BODY_TIME.plusSeconds(15)) < 0) {
                try {
                    int read = socket.getInputStream().read(buffer);
                    if (read < 0) {
                        break;
                    }
                    answer.write(buffer, 0, read);
                } catch (SocketTimeoutException e) {
                    out.write(' ');
                    out.flush();
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isBetween(HttpApi.BODY_TIME.minusSeconds(1), HttpApi.BODY_TIME.plusSeconds(5));
            assertThat(answer.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 408 ")
                    .contains("\"code\":\"HC-TIMEOUT\"").contains("within " + HttpApi.BODY_TIME.toSeconds() + " s");
        }
    }

    @Test
    @Timeout(30)
    void headersOverTheLimitAre431InJson() throws Exception {
        try (Socket socket = SERVED.socket(10_000)) {
            socket.getOutputStream().write(("GET /api/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                    + "a".repeat(HttpApi.MAX_HEADERS) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 431 ").contains("application/json")
                    .contains("\"code\":\"HC-HEADERS-TOO-LARGE\"").contains(HttpApi.MAX_HEADERS + " bytes");
        }
        assertThat(getModels(Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a stalled socket open past its idle timeout", e);
        } catch (IOException e) {
            return ""; // reset by the server: cut off too
        }
    }

    private static HttpResponse<String> getModels(Duration timeout) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(SERVED.uri("/api/models")).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
