package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcell.runtime.cli.LaunchedRun.get;
import static org.hotcell.runtime.cli.LaunchedRun.post;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.ModelFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 mid-load: {@code hotcell run} in a child JVM (as the launcher runs it) takes steps on 32 streams from 8
 * clients, is killed with {@code destroyForcibly()} while they send, and is started again on the same state
 * directory. Every stream must have kept every answered step (and at most the one step in flight, which may or
 * may not have been committed when the process died), and continue from there exactly as a fresh run of the model
 * over the whole sequence does.
 */
class StreamsCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;
    private static final int STREAMS_PER_CLIENT = 4;

    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void everyAnsweredStepSurvivesAKillAndTheStreamsContinueExactly() throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        Path models = Files.createDirectory(work.resolve("models"));
        ModelFixtures.writeSpec(models, "per_step", ModelFixtures.rnnSpec("tanh", "per_step"));
        Path state = work.resolve("state");

        LaunchedRun first = start(plugins, models, state, work.resolve("first.log"));
        String base = awaitModel(first);
        int streams = CLIENTS * STREAMS_PER_CLIENT;
        AtomicIntegerArray answered = new AtomicIntegerArray(streams);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        for (int k = client * STREAMS_PER_CLIENT; k < (client + 1) * STREAMS_PER_CLIENT; k++) {
                            HttpResponse<String> r = step(base, k, answered.get(k));
                            if (r.statusCode() != 200) {
                                throw new IllegalStateException(r.body());
                            }
                            answered.incrementAndGet(k);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the server died under us: the step in flight was not answered
                }
            }, "client-" + c);
            clients.add(thread);
            thread.start();
        }
        Await.until("a few steps on every stream", Duration.ofSeconds(30), () -> {
            for (int k = 0; k < streams; k++) {
                if (answered.get(k) < 3) {
                    return false;
                }
            }
            return true;
        });
        Thread.sleep(500);
        first.kill();
        running.set(false);
        for (Thread thread : clients) {
            thread.join(10_000);
        }
        int total = 0;
        for (int k = 0; k < streams; k++) {
            total += answered.get(k);
        }
        System.out.printf("killed after %,d answered steps on %d streams%n", total, streams);

        LaunchedRun second = start(plugins, models, state, work.resolve("second.log"));
        try {
            String again = awaitModel(second);
            assertThat(second.log()).contains("(" + streams + " streams kept)");
            for (int k = 0; k < streams; k++) {
                JsonNode info = JSON.readTree(get(again + "models/per_step/streams/s" + k).body());
                int kept = info.get("steps").asInt();
                assertThat(kept).as("steps kept by stream %d, %d answered", k, answered.get(k))
                        .isBetween(answered.get(k), answered.get(k) + 1);
                JsonNode next = JSON.readTree(step(again, k, kept).body()).get("outputs").get(0);
                JsonNode whole = JSON.readTree(post(again + "models/per_step/infer", "{\"inputs\": [" + sequence(k,
                        kept + 1) + "]}").body()).get("outputs").get(0);
                assertThat(next).as("stream %d, step %d", k, kept).isEqualTo(whole.get(kept));
            }
        } finally {
            second.stop();
        }
    }

    /** Input of stream k at step t: one item of two features, printed exactly. */
    private static String input(int k, int t) {
        return "[" + (float) Math.sin(0.37 * k + 0.11 * t) + ", " + (float) Math.cos(0.23 * k - 0.17 * t) + "]";
    }

    private static String sequence(int k, int steps) {
        List<String> items = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            items.add(input(k, t));
        }
        return "[" + String.join(", ", items) + "]";
    }

    private static HttpResponse<String> step(String base, int k, int t) throws IOException, InterruptedException {
        return post(base + "models/per_step/streams/s" + k + "/step", "{\"inputs\": [" + input(k, t) + "]}");
    }

    /** {@code hotcell run} on the state directory, on the reference backend. */
    private static LaunchedRun start(Path plugins, Path models, Path state, Path log) throws IOException {
        return LaunchedRun.start(log, "--plugins", plugins.toString(), "--models", models.toString(), "--state",
                state.toString(), "--port", "0", "--poll-ms", "100", "--backend", "reference");
    }

    /** The API's base URI, once the model is available. */
    private static String awaitModel(LaunchedRun run) {
        String base = run.awaitApi();
        Await.until("the model available", Duration.ofSeconds(30),
                () -> get(base + "models").body().contains("\"available\":true"));
        return base;
    }
}
