package org.hotcell.study;

import java.io.Serializable;
import java.util.Locale;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.model.task.Task;
import org.hotcell.model.task.Tasks;

/**
 * The task a run learns and the budget it gets: the task and its length, the model size, the training budget,
 * how often the test metric is measured, and the goal that counts as solving it. Every configuration of an
 * experiment gets the same setting, so they compete on equal terms.
 *
 * @param task      the built-in task's name ({@code adding}, {@code copy}, {@code sine})
 * @param length    its length as {@link Tasks#create} takes it (sequence length; the delay for copy)
 * @param hidden    units of the single recurrent layer
 * @param steps     the most optimizer steps a run may take
 * @param batch     sequences per step
 * @param every     the test metric and the curves are recorded every this many steps (and at the last)
 * @param testSize  sequences in the fixed test set
 * @param goal      what counts as solved
 */
public record TaskSetting(String task, int length, int hidden, int steps, int batch, int every, int testSize,
                          Goal goal) implements Serializable {

    /** @throws InvalidSpecException naming the setting out of range */
    public TaskSetting {
        Tasks.create(task, length);
        if (hidden < 1 || steps < 1 || batch < 1 || every < 1 || testSize < 1) {
            throw new InvalidSpecException("task setting for " + task + " needs hidden, steps, batch, every and "
                    + "test size of at least 1; got hidden=" + hidden + ", steps=" + steps + ", batch=" + batch
                    + ", every=" + every + ", testSize=" + testSize);
        }
    }

    /**
     * The study's goal for a built-in task. Adding: test MSE below 0.01 (always answering 1 scores 0.167, so this
     * is 94% of the variance explained). Copy: recall accuracy of at least 0.95 (chance is 1/8). Sine: test MSE
     * below 0.005 (repeating the current value scores about 0.051).
     *
     * @throws InvalidSpecException for a task it has no goal for
     */
    public static Goal defaultGoal(String task) {
        return switch (task.toLowerCase(Locale.ROOT)) {
            case "adding" -> new Goal("test_mse", 0.01, false);
            case "copy" -> new Goal("test_accuracy", 0.95, true);
            case "sine" -> new Goal("test_mse", 0.005, false);
            default -> throw new InvalidSpecException("no study goal for task '" + task + "'; known: "
                    + String.join(", ", Tasks.NAMES));
        };
    }

    /** The same setting with another number of steps (the recording interval shrinks to fit). */
    public TaskSetting withSteps(int newSteps) {
        return new TaskSetting(task, length, hidden, newSteps, batch, Math.max(1, Math.min(every, newSteps)),
                testSize, goal);
    }

    /** The same setting on sequences of another length. */
    public TaskSetting withLength(int newLength) {
        return new TaskSetting(task, newLength, hidden, steps, batch, every, testSize, goal);
    }

    /** The task itself. */
    public Task create() {
        return Tasks.create(task, length);
    }

    /** E.g. {@code adding T=50}. */
    public String shortName() {
        return task + (task.equals("copy") ? " delay=" : " T=") + length;
    }

    /** One line, e.g. {@code adding (T=50): hidden 16, up to 1000 steps of 16, test set 128, solved when ...}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (%s=%d): hidden %d, up to %d steps of %d, test set %d every %d steps, "
                        + "solved when %s", task, task.equals("copy") ? "delay" : "T", length, hidden, steps, batch,
                testSize, every, goal.describe());
    }
}
