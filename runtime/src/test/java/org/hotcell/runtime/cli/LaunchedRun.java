package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.Launcher;

/**
 * {@code hotcell run} as the launcher starts it: a child JVM ({@link Launcher}) whose output goes to a log file; and
 * the HTTP calls the ITs make to it.
 */
final class LaunchedRun {
    private static final Pattern PORT = Pattern.compile("HTTP API on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;

    private LaunchedRun(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code hotcell run ARGS}, its stdout and stderr going to {@code log}. */
    static LaunchedRun start(Path log, String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "run";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(Launcher.command(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new LaunchedRun(process, log);
    }

    /** Waits up to 30 s for the API's port in the log; {@code http://127.0.0.1:PORT/api/}. */
    String awaitApi() {
        Await.until("the HTTP port in the log", Duration.ofSeconds(30),
                () -> PORT.matcher(log()).find() || !process.isAlive());
        Matcher port = PORT.matcher(log());
        assertThat(port.find()).as(log()).isTrue();
        return "http://127.0.0.1:" + port.group(1) + "/api/";
    }

    /** What the process has written so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops it as Ctrl-C would, and waits for it to end. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Kills it as {@code kill -9} would, and waits for it to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** GET; a failed exchange is thrown unchecked, for use in {@link Await} conditions. */
    static HttpResponse<String> get(String uri) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POST of a JSON body; a failed exchange (a server that died) is thrown as it is. */
    static HttpResponse<String> post(String uri, String body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
