package org.hotcell.study;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

import org.hotcell.core.error.InvalidSpecException;

/**
 * How a run is trained: the optimizer and its learning rate, gradient-norm clipping, and whether training stops
 * at the first recorded step that meets the goal.
 *
 * <p>Stopping when solved is what keeps ten seeds per configuration inside the default run's time: a solved run
 * has answered "did it solve, and how fast". Experiments about what happens over a whole budget (divergence over a
 * learning-rate sweep) turn it off.
 *
 * @param optimizer      {@code adam} or {@code sgd} (SGD with momentum 0.9)
 * @param learningRate   the step size, finite and &gt; 0
 * @param clip           the gradient-norm clipping bound, 0 for none
 * @param stopWhenSolved stop at the first recorded step that meets the goal
 */
public record Recipe(String optimizer, double learningRate, double clip, boolean stopWhenSolved)
        implements Serializable {
    /** The optimizers a recipe may name. */
    public static final Set<String> OPTIMIZERS = Set.of("adam", "sgd");

    /** @throws InvalidSpecException naming the field out of range */
    public Recipe {
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new InvalidSpecException("unknown optimizer '" + optimizer + "'; known: adam, sgd");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidSpecException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (!(clip >= 0) || Double.isInfinite(clip)) {
            throw new InvalidSpecException("the gradient-norm clipping bound must be a finite number >= 0 "
                    + "(0 for none), got " + clip);
        }
    }

    /** The study's standard recipe: Adam at 0.01, clipping at 1, stop when solved. */
    public static Recipe standard() {
        return new Recipe("adam", 0.01, 1.0, true);
    }

    /** The same recipe with another optimizer and learning rate. */
    public Recipe with(String newOptimizer, double newLearningRate) {
        return new Recipe(newOptimizer, newLearningRate, clip, stopWhenSolved);
    }

    /** The same recipe with another clipping bound. */
    public Recipe withClip(double newClip) {
        return new Recipe(optimizer, learningRate, newClip, stopWhenSolved);
    }

    /** The same recipe training the whole budget (or stopping when solved). */
    public Recipe withStopWhenSolved(boolean stop) {
        return new Recipe(optimizer, learningRate, clip, stop);
    }

    /** E.g. {@code adam 0.01, clip 1} or {@code sgd 0.1, no clipping}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s, %s", optimizer, trim(learningRate),
                clip > 0 ? "clip " + trim(clip) : "no clipping");
    }

    static String trim(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
