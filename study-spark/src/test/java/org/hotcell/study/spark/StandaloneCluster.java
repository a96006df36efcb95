package org.hotcell.study.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Spark standalone master and one worker (2 cores), each a child JVM of the JDK running the tests, on
 * 127.0.0.1 with free ports. Their {@code SPARK_HOME} holds Spark's jars only (this module's {@code target/lib}
 * without Hotcell's), as a Spark distribution would, so the executors the worker starts get Hotcell's classes from
 * the driver alone. Logs go to {@code master.log}, {@code worker.log} and the worker's work directory.
 */
final class StandaloneCluster implements AutoCloseable {
    /** Spark's own flags for JDK 17+ (org.apache.spark.launcher.JavaModuleOptions), for the master and worker. */
    private static final List<String> SPARK_JVM_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true",
            "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED");

    private final Path dir;
    private final Process master;
    private final Process worker;
    private final int masterPort;
    private final int masterUiPort;
    private final Thread killer = new Thread(this::stop, "kill-spark-standalone");

    private StandaloneCluster(Path dir, Process master, Process worker, int masterPort, int masterUiPort) {
        this.dir = dir;
        this.master = master;
        this.worker = worker;
        this.masterPort = masterPort;
        this.masterUiPort = masterUiPort;
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts the master and the worker and returns once the worker has registered.
     *
     * @param lib the jars of Spark and its dependencies (Hotcell's are left out)
     * @param dir where SPARK_HOME, the logs and the worker's work directory go; emptied first
     */
    static StandaloneCluster start(Path lib, Path dir) throws IOException, InterruptedException {
        deleteTree(dir);
        Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
        try (Stream<Path> files = Files.list(lib)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                if (!jar.getFileName().toString().startsWith("hotcell-")) {
                    Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
                }
            }
        }
        int masterPort = freePort();
        int masterUiPort = freePort();
        Process master = launch(dir, "master.log", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort));
        Process worker = null;
        StandaloneCluster cluster = null;
        try {
            worker = launch(dir, "worker.log", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--webui-port", String.valueOf(freePort()), "--cores", "2", "--memory", "2g", "--work-dir",
                    Files.createDirectories(dir.resolve("work")).toString(), "spark://127.0.0.1:" + masterPort);
            cluster = new StandaloneCluster(dir, master, worker, masterPort, masterUiPort);
            cluster.awaitWorker(Duration.ofSeconds(90));
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            if (cluster != null) {
                cluster.close();
            } else {
                kill(worker);
                kill(master);
            }
            throw e;
        }
    }

    /** E.g. {@code spark://127.0.0.1:41234}. */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The worker's work directory: a folder per application, with a folder per executor holding its stderr. */
    Path workDir() {
        return dir.resolve("work");
    }

    /** The master's state as its web UI serves it at {@code /json}. */
    JsonNode state() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(body);
        }
    }

    /** The stderr of every executor of an application, by executor id. */
    Map<String, String> executorLogs(String appId) throws IOException {
        Map<String, String> logs = new java.util.TreeMap<>();
        Path app = workDir().resolve(appId);
        if (Files.isDirectory(app)) {
            try (Stream<Path> executors = Files.list(app)) {
                for (Path executor : executors.filter(Files::isDirectory).toList()) {
                    Path stderr = executor.resolve("stderr");
                    if (Files.exists(stderr)) {
                        logs.put(executor.getFileName().toString(), Files.readString(stderr));
                    }
                }
            }
        }
        return logs;
    }

    /** The last lines of the master's and the worker's logs and of every executor's stderr, for a failure. */
    String logs() {
        StringBuilder text = new StringBuilder();
        List<Path> files = new ArrayList<>(List.of(dir.resolve("master.log"), dir.resolve("worker.log")));
        try (Stream<Path> work = Files.exists(workDir()) ? Files.walk(workDir()) : Stream.empty()) {
            work.filter(f -> f.getFileName().toString().equals("stderr")).sorted().forEach(files::add);
        } catch (IOException e) {
            text.append("(cannot list ").append(workDir()).append(": ").append(e).append(")\n");
        }
        for (Path file : files) {
            text.append("---- ").append(file).append(" (last 40 lines)\n");
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> text.append(l).append('\n'));
            } catch (IOException e) {
                text.append("(cannot read: ").append(e).append(")\n");
            }
        }
        return text.toString();
    }

    /** Stops the worker's executors, the worker and the master. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook runs stop() too.
        }
    }

    private void stop() {
        kill(worker);
        kill(master);
    }

    private void awaitWorker(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!master.isAlive() || !worker.isAlive()) {
                throw new AssertionError("the Spark " + (master.isAlive() ? "worker" : "master") + " exited with "
                        + (master.isAlive() ? worker : master).exitValue() + " at start\n" + logs());
            }
            try {
                if (state().path("aliveworkers").asInt() >= 1) {
                    return;
                }
            } catch (IOException e) {
                // The master's web UI is not up yet.
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no Spark worker registered with " + masterUrl() + " within " + timeout
                        + "\n" + logs());
            }
            Thread.sleep(200);
        }
    }

    private static Process launch(Path dir, String log, String mainClass, String... args) throws IOException {
        String javaHome = System.getProperty("java.home");
        List<String> command = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString(), "-Xmx256m",
                "-Dspark.master.rest.enabled=false"));
        command.addAll(SPARK_JVM_FLAGS);
        command.addAll(List.of("-cp", dir.resolve("spark-home/jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SPARK_"));
        env.put("JAVA_HOME", javaHome);
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        // The worker builds each executor's command from SPARK_HOME; without a distribution's launcher build
        // directory, Spark asks for the Scala version this way.
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local")).toString());
        return builder.start();
    }

    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
