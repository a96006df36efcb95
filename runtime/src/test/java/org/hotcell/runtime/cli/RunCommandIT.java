package org.hotcell.runtime.cli;

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.Launcher;
import org.hotcell.runtime.testing.ModelFixtures;
import org.hotcell.runtime.testing.PluginJars;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hotcell run} as the launcher runs it: a separate JVM on the module path (target/lib plus the runtime
 * jar), in OSGi mode and in plain-Java mode. A plugin jar dropped in while it runs serves a model over HTTP.
 */
class RunCommandIT {
    private static final Pattern PORT = Pattern.compile("HTTP API on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"osgi", "plain"})
    void aPluginDroppedIntoARunningHostServesAModelOverHttp(String mode) throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        Path models = Files.createDirectory(work.resolve("models"));
        ModelFixtures.writeSpec(models, "scaled", ModelFixtures.rnnSpec("scaled", "last_step"));
        Path log = work.resolve("run.log");
        Process process = new ProcessBuilder(command(plugins, models, mode.equals("plain")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Await.until("the HTTP port in the log", Duration.ofSeconds(30),
                    () -> PORT.matcher(read(log)).find() || !process.isAlive());
            Matcher port = PORT.matcher(read(log));
            assertThat(port.find()).as(read(log)).isTrue();
            String base = "http://127.0.0.1:" + port.group(1) + "/api/";
            assertThat(get(base + "models").body()).contains("\"available\":false").contains("'scaled'");

            PluginJars.plugin("org.example.scaled", "1.0.0").activation("scaled", "return 2f * x;")
                    .dropInto(plugins, "scaled.jar");
            Await.until("the model available over HTTP", () -> get(base + "models").body().contains("\"available\":true"));
            HttpResponse<String> infer = post(base + "models/scaled/infer", "{\"inputs\": [[[0.5, -0.5], [1, 2]]]}");
            assertThat(infer.statusCode()).as(infer.body()).isEqualTo(200);
            assertThat(infer.body()).contains("\"shape\":[1,2]");
            String registered = mode.equals("osgi") ? "registered activation scaled from bundle org.example.scaled 1.0.0"
                    : "registered activation scaled from org.example.scaled";
            assertThat(read(log)).contains(registered);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static List<String> command(Path plugins, Path models, boolean plain) throws IOException {
        List<String> command = new ArrayList<>(Launcher.command("run", "--plugins", plugins.toString(), "--models",
                models.toString(), "--state", plugins.resolveSibling("state").toString(), "--port", "0",
                "--poll-ms", "100"));
        if (plain) {
            command.add("--plain");
        }
        return command;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static HttpResponse<String> get(String uri) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(String uri, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
