package org.hotcell.study.internal.timing;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The schedule both measurements share: rounds, each of which takes one turn per entry in list order, first
 * untimed (warm-up) and then timed, until a deadline; with a floor, so that even a tiny budget gives a result
 * of every shape, and a ceiling, so that a fast machine stops early instead of collecting samples nobody needs.
 */
final class Rounds {
    private Rounds() {
    }

    /**
     * Runs {@code round} with round numbers 0, 1, 2, ... until at least {@code min} rounds have run and then until
     * {@code deadline} (a {@link System#nanoTime} value) has passed or {@code max} rounds have run.
     *
     * @return how many rounds ran
     */
    static int run(long deadline, int min, int max, IntConsumer round) {
        int rounds = 0;
        while (rounds < min || (rounds < max && System.nanoTime() - deadline < 0)) {
            round.accept(rounds);
            rounds++;
        }
        return rounds;
    }

    /** The budget in nanoseconds, which must be positive. */
    static long nanos(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive, got " + budget);
        }
        return budget.toNanos();
    }

    /** Checks that there is something to measure and that no entry is listed twice. */
    static void checkNames(List<String> names, String what) {
        Objects.requireNonNull(names, what);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " to time");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException(what + " listed twice: " + names);
        }
    }
}
