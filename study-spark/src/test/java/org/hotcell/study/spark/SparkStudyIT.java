package org.hotcell.study.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.study.RunConfig;
import org.hotcell.study.RunSpec;
import org.hotcell.study.Study;
import org.hotcell.study.StudyRequest;
import org.hotcell.study.TaskSetting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The same small study in process, on {@code local[2]} and on a standalone master and worker started here: the
 * report's CSV files must be the same bytes, and the standalone study's tasks must have run in an executor the
 * worker started. Also: a master that is not there, or not Spark's, is named in the error, and a run that fails
 * on an executor comes back with its own message.
 */
class SparkStudyIT {
    private static final Path IT = Path.of(System.getProperty("hotcell.spark.it", "target/spark-it"));
    private static final Path LIB = Path.of(System.getProperty("hotcell.spark.lib", "target/lib"));
    /** Claim 3 with two seeds of 30 steps: a few short runs, enough to compare every column. */
    private static final List<String> COMPARED = List.of("results.csv", "curves.csv", "flow.csv");

    private static StandaloneCluster cluster;
    private static Path inProcess;

    /** Shows the cluster's logs under a failed test. */
    @RegisterExtension
    static final TestWatcher SHOW_LOGS = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cluster != null) {
                System.err.println("Spark standalone logs after " + context.getDisplayName() + ":\n" + cluster.logs());
            }
        }
    };

    @BeforeAll
    static void studyInProcessAndStartCluster() throws Exception {
        // An executor that cannot start fails the test in a minute, not in the default three.
        System.setProperty(SparkRunCluster.EXECUTOR_WAIT, "60");
        inProcess = IT.resolve("in-process");
        study(inProcess, null);
        cluster = StandaloneCluster.start(LIB, IT.resolve("standalone"));
    }

    @AfterAll
    static void stopCluster() {
        System.clearProperty(SparkRunCluster.EXECUTOR_WAIT);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void localSparkGivesTheInProcessResults() throws IOException {
        Path local = IT.resolve("local");
        study(local, "local[2]");
        for (String file : COMPARED) {
            assertSameBytes(inProcess.resolve(file), local.resolve(file));
        }
    }

    @Test
    void standaloneSparkGivesTheInProcessResultsFromItsExecutors() throws Exception {
        Path standalone = IT.resolve("spark-standalone");
        String printed = study(standalone, cluster.masterUrl());
        for (String file : COMPARED) {
            assertSameBytes(inProcess.resolve(file), standalone.resolve(file));
        }
        long runs = Files.readAllLines(inProcess.resolve("results.csv")).size() - 1;
        assertThat(printed).contains("on Spark " + cluster.masterUrl());
        JsonNode app = null;
        for (JsonNode completed : cluster.state().path("completedapps")) {
            if (completed.path("name").asText().equals("hotcell study (" + runs + " runs)")) {
                app = completed;
            }
        }
        assertThat(app).as("the study's application among the master's completed ones").isNotNull();
        Map<String, String> executors = cluster.executorLogs(app.path("id").asText());
        long tasks = executors.values().stream().mapToLong(log -> log.lines().filter(l -> l.contains(
                "Finished task")).count()).sum();
        assertThat(tasks).as("tasks finished by the worker's executors " + executors.keySet()).isEqualTo(runs);
    }

    @Test
    void aFailedRunComesBackWithItsMessageAndExecutor() {
        TaskSetting setting = new TaskSetting("adding", 10, 4, 5, 4, 5, 8, TaskSetting.defaultGoal("adding"));
        RunSpec bad = new RunSpec(RunConfig.standardLstm(setting).withCandidate("no_such_activation"), 1);
        assertThatThrownBy(() -> new SparkRunCluster().runAll(cluster.masterUrl(), List.of(bad), List.of(), n -> {
        }))
                .isInstanceOf(SparkStudyException.class)
                .hasMessageContaining("run '" + bad.label() + "' failed on executor ")
                .hasMessageContaining("unknown activation 'no_such_activation'")
                .hasMessageContaining(cluster.masterUrl())
                .satisfies(e -> assertThat(((SparkStudyException) e).code()).isEqualTo(SparkStudyException.RUN))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("executor driver"));
    }

    @Test
    void aMasterNobodyListensOnIsNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + port;
        assertThatThrownBy(() -> study(IT.resolve("unreachable"), master))
                .isInstanceOf(SparkStudyException.class)
                .hasMessageStartingWith("--spark " + master + ": cannot reach the Spark master (127.0.0.1:" + port);
    }

    @Test
    void aMasterNoRunnerServesIsNamed() {
        assertThatThrownBy(() -> study(IT.resolve("yarn"), "yarn"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("--spark yarn");
    }

    /** Runs the small study into {@code out} and returns what it printed. */
    private static String study(Path out, String spark) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Study.run(new StudyRequest(false, List.of(3), 2, 30, null, out, null, 2, spark), stream, null);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        assertThat(actual).exists();
        long at = Files.mismatch(expected, actual);
        if (at >= 0) {
            List<String> want = Files.readAllLines(expected);
            List<String> got = Files.readAllLines(actual);
            int line = 0;
            while (line < Math.min(want.size(), got.size()) && want.get(line).equals(got.get(line))) {
                line++;
            }
            throw new AssertionError(actual + " differs from " + expected + " at byte " + at + ", line " + (line + 1)
                    + ":\n  expected: " + (line < want.size() ? want.get(line) : "(end)")
                    + "\n  actual:   " + (line < got.size() ? got.get(line) : "(end)"));
        }
        assertThat(Files.readAllLines(actual)).as(actual + " has a header and rows").hasSizeGreaterThan(1);
    }
}
