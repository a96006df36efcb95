package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcell.runtime.cli.LaunchedRun.get;
import static org.hotcell.runtime.cli.LaunchedRun.post;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.hotcell.runtime.testing.Await;
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
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"osgi", "plain"})
    void aPluginDroppedIntoARunningHostServesAModelOverHttp(String mode) throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        Path models = Files.createDirectory(work.resolve("models"));
        ModelFixtures.writeSpec(models, "scaled", ModelFixtures.rnnSpec("scaled", "last_step"));
        List<String> args = new ArrayList<>(List.of("--plugins", plugins.toString(), "--models", models.toString(),
                "--state", plugins.resolveSibling("state").toString(), "--port", "0", "--poll-ms", "100"));
        if (mode.equals("plain")) {
            args.add("--plain");
        }
        LaunchedRun run = LaunchedRun.start(work.resolve("run.log"), args.toArray(String[]::new));
        try {
            String base = run.awaitApi();
            assertThat(get(base + "models").body()).contains("\"available\":false").contains("'scaled'");

            PluginJars.plugin("org.example.scaled", "1.0.0").activation("scaled", "return 2f * x;")
                    .dropInto(plugins, "scaled.jar");
            Await.until("the model available over HTTP", () -> get(base + "models").body().contains("\"available\":true"));
            HttpResponse<String> infer = post(base + "models/scaled/infer", "{\"inputs\": [[[0.5, -0.5], [1, 2]]]}");
            assertThat(infer.statusCode()).as(infer.body()).isEqualTo(200);
            assertThat(infer.body()).contains("\"shape\":[1,2]");
            String registered = mode.equals("osgi") ? "registered activation scaled from bundle org.example.scaled 1.0.0"
                    : "registered activation scaled from org.example.scaled";
            assertThat(run.log()).contains(registered);
        } finally {
            run.stop();
        }
    }
}
