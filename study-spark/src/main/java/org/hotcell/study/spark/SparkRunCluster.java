package org.hotcell.study.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.cluster.RunCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a study's runs on Apache Spark: one partition, hence one task, per run, so that Spark spreads them over
 * every executor core and retries a lost one alone. Serves {@code local[N]} (executors in this JVM) and standalone
 * masters ({@code spark://host:port}), whose executors get Hotcell's jars from this driver.
 *
 * <p>Every setting here is a default: a {@code spark.*} system property ({@code -Dspark.executor.memory=2g} in
 * {@code HOTCELL_JAVA_OPTS}) wins over it, as Spark reads those itself. The executors always get
 * {@code --add-modules jdk.incubator.vector}, as the SIMD backend and kernels need it, and the results must be
 * the in-process ones.
 */
public final class SparkRunCluster implements RunCluster {
    private static final Logger LOG = LoggerFactory.getLogger(SparkRunCluster.class);
    private static final String VECTOR = "--add-modules jdk.incubator.vector";

    /** How long a standalone master may take to give the study its first executor, in seconds. */
    static final String EXECUTOR_WAIT = "hotcell.spark.executorWait";

    /** For ServiceLoader. */
    public SparkRunCluster() {
    }

    @Override
    public boolean serves(String master) {
        return SparkMasters.isLocal(master) || SparkMasters.isStandalone(master);
    }

    @Override
    public List<RunResult> runAll(String master, List<RunSpec> runs, List<Path> pluginJars, IntConsumer finished) {
        if (!serves(master)) {
            throw new SparkStudyException(SparkStudyException.MASTER, "--spark " + master + ": not a master this "
                    + "runner serves; use local[N] or spark://host:port");
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        boolean standalone = SparkMasters.isStandalone(master);
        if (standalone) {
            SparkMasters.requireReachable(master, 5_000);
        }
        try (ShippedJars jars = ShippedJars.collect(pluginJars, standalone);
             JavaSparkContext spark = new JavaSparkContext(conf(master, runs.size(), jars, standalone))) {
            if (standalone) {
                awaitExecutor(spark, master);
            }
            FinishedRuns progress = new FinishedRuns(finished);
            spark.sc().addSparkListener(progress);
            List<RunResult> results = spark.parallelize(runs, runs.size()).map(new RunTask()).collect();
            spark.sc().removeSparkListener(progress);
            progress.finish(results.size());
            LOG.info("{} runs on {}, executors {}", results.size(), master, progress.executors());
            return inOrder(master, runs, results);
        } catch (Exception e) {
            // Spark's Scala code throws SparkException, a checked exception, without declaring it.
            throw explain(master, e);
        }
    }

    private static SparkConf conf(String master, int runs, ShippedJars jars, boolean standalone) {
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("hotcell study (" + runs + " runs)")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        String options = conf.get("spark.executor.extraJavaOptions", "");
        if (!options.contains("jdk.incubator.vector")) {
            conf.set("spark.executor.extraJavaOptions", (options + " " + VECTOR).strip());
        }
        // Local executors, and a standalone cluster on this machine's loopback, reach the driver there.
        if (!standalone || SparkMasters.onLoopback(master)) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (jars.jars().size() > 0) {
            conf.setJars(jars.paths());
            LOG.info("sending {} jars to the executors: {}", jars.jars().size(),
                    jars.jars().stream().map(Path::getFileName).toList());
        }
        return conf;
    }

    /**
     * Waits for the first executor, so that a cluster without free workers, or whose executors die at start,
     * is an error naming the master rather than a job that waits forever.
     */
    private static void awaitExecutor(JavaSparkContext spark, String master) {
        long seconds = Long.getLong(EXECUTOR_WAIT, 180);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long nextNote = System.nanoTime() + 15_000_000_000L;
        // The driver itself is listed among the executors.
        while (spark.statusTracker().getExecutorInfos().length < 2) {
            if (System.nanoTime() > deadline) {
                throw new SparkStudyException(SparkStudyException.MASTER, String.format(Locale.ROOT, "--spark %s: "
                        + "no executor joined within %d s (-D%s): no worker has %s of memory and a core free, or "
                        + "the executors die at start (their stderr is in the workers' work directories)", master,
                        seconds, EXECUTOR_WAIT, spark.getConf().get("spark.executor.memory", "1g")));
            }
            if (System.nanoTime() > nextNote) {
                LOG.warn("still waiting for an executor from {}", master);
                nextNote += 15_000_000_000L;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SparkStudyException(SparkStudyException.MASTER, "--spark " + master + ": interrupted while "
                        + "waiting for an executor");
            }
        }
    }

    private static List<RunResult> inOrder(String master, List<RunSpec> runs, List<RunResult> results) {
        if (results.size() != runs.size()) {
            throw new IllegalStateException("Spark " + master + " returned " + results.size() + " results for "
                    + runs.size() + " runs");
        }
        for (int i = 0; i < runs.size(); i++) {
            if (!results.get(i).spec().equals(runs.get(i))) {
                throw new IllegalStateException("Spark " + master + " returned the result of '"
                        + results.get(i).spec().label() + "' where '" + runs.get(i).label() + "' belongs");
            }
        }
        return results;
    }

    /** A run's own failure as the task reported it; Spark's failures with their first line and the master. */
    private static SparkStudyException explain(String master, Exception e) {
        if (e instanceof SparkStudyException own) {
            return own;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SparkStudyException run) {
                return new SparkStudyException(run.code(), run.getMessage() + " (Spark " + master + ")", e);
            }
        }
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        String first = end < 0 ? message : message.substring(0, end);
        if (e instanceof SparkException) {
            return new SparkStudyException(SparkStudyException.RUN, "the study failed on Spark " + master + ": "
                    + first, e);
        }
        return new SparkStudyException(SparkStudyException.MASTER, "--spark " + master + ": " + e.getClass().getName()
                + ": " + first, e);
    }
}
