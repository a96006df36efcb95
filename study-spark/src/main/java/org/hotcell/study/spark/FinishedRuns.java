package org.hotcell.study.spark;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts the tasks that succeeded, for the study's progress, and remembers the executors they ran on. Spark calls
 * it on its listener thread, after the fact; {@link #finish(int)} reports the total once the job is done, and no
 * count is reported twice or out of order.
 */
final class FinishedRuns extends SparkListener {
    private final IntConsumer finished;
    private final Set<String> executors = new TreeSet<>();
    private int done;
    private int reported;

    FinishedRuns(IntConsumer finished) {
        this.finished = finished;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskInfo() != null && taskEnd.taskInfo().successful()) {
            synchronized (this) {
                executors.add(taskEnd.taskInfo().executorId());
                report(++done);
            }
        }
    }

    /** Reports {@code total} finished runs unless it was reported already. */
    synchronized void finish(int total) {
        report(total);
    }

    /** The ids of the executors that ran a task that succeeded, sorted ({@code driver} in local mode). */
    synchronized List<String> executors() {
        return List.copyOf(executors);
    }

    private void report(int count) {
        if (count > reported) {
            reported = count;
            finished.accept(count);
        }
    }
}
