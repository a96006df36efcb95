package org.hotcell.study.spark;

import org.hotcell.core.error.HotcellException;

/**
 * The study could not run on Spark: the master cannot be reached or gives no executor ({@code HC-SPARK-MASTER}),
 * or a run failed in its task ({@code HC-SPARK-RUN}). Thrown in a task too, where it names the run and the
 * executor, so that the driver can tell the run's own failure from Spark's.
 */
public final class SparkStudyException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** The code of a master that cannot be reached, or that never gives the study an executor. */
    public static final String MASTER = "HC-SPARK-MASTER";
    /** The code of a run that failed in its task. */
    public static final String RUN = "HC-SPARK-RUN";

    /** @param message names the master or the run at fault */
    public SparkStudyException(String code, String message) {
        super(code, message);
    }

    /** @param message names the master or the run at fault */
    public SparkStudyException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
