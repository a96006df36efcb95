package org.hotcell.study.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.cluster.RunWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task of one run, on an executor: {@link RunWorker#run}. A failure comes back as a {@link SparkStudyException}
 * naming the run and the executor, with the cause's text but not the cause itself: the cause's class (a plugin's,
 * say) may be missing on the driver, and then Spark would lose the whole exception. The full trace goes to the
 * executor's log.
 */
final class RunTask implements Function<RunSpec, RunResult> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RunTask.class);

    @Override
    public RunResult call(RunSpec spec) {
        try {
            return RunWorker.run(spec);
        } catch (RuntimeException | LinkageError e) {
            String executor = SparkEnv.get() == null ? "?" : SparkEnv.get().executorId();
            LOG.error("run '{}' failed on executor {}", spec.label(), executor, e);
            throw new SparkStudyException(SparkStudyException.RUN, "run '" + spec.label() + "' failed on executor "
                    + executor + ": " + e);
        }
    }
}
