package org.hotcell.study.internal.timing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.hotcell.study.internal.stats.Median;

/**
 * Timing samples of one quantity, in the order they were taken, and their median. The median, not the mean: on
 * a shared machine a few samples catch an interrupt or a garbage collection and are many times too long, and
 * the median ignores them where the mean would not.
 *
 * @param unit   what one value measures, e.g. {@code ns/element}
 * @param values the samples, at least one, each positive and finite
 */
public record Samples(String unit, List<Double> values) {

    public Samples {
        Objects.requireNonNull(unit, "unit");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no " + unit + " samples");
        }
    }

    /** The first {@code count} values of {@code values}. */
    static Samples of(String unit, double[] values, int count) {
        return new Samples(unit, Arrays.stream(values, 0, count).boxed().toList());
    }

    /** How many samples were taken. */
    public int count() {
        return values.size();
    }

    /** The median: the middle value, or the mean of the two middle ones. */
    public double median() {
        return Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
