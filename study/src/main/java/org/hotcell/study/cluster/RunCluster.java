package org.hotcell.study.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;

/**
 * Runs a study's runs outside this JVM. The study finds implementations with {@link java.util.ServiceLoader}
 * only when asked to ({@code hotcell study --spark MASTER}), so the default, in-process study has no cluster
 * library on its path. An implementation runs each {@link RunSpec} with {@link RunWorker#run(RunSpec)} where it
 * likes; since a run's result depends on its spec alone, the results equal the in-process ones.
 */
public interface RunCluster {
    /** Whether this implementation serves a master URL such as {@code local[2]} or {@code spark://host:7077}. */
    boolean serves(String master);

    /**
     * Runs every run and returns their results in the order of {@code runs}.
     *
     * @param pluginJars extra jars (activation plugins) the runs need on their class path
     * @param finished   hears the number of finished runs as they finish (possibly coarsely, from any thread)
     * @throws RuntimeException naming the master or the run when the cluster cannot be reached or a run fails
     */
    List<RunResult> runAll(String master, List<RunSpec> runs, List<Path> pluginJars, IntConsumer finished);
}
