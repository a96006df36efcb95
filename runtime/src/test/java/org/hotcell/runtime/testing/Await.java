package org.hotcell.runtime.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens on another thread (FileInstall's poll, a bundle start), with a deadline. */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every 20 ms until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** {@link #until} with a 20-second deadline. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(20), condition);
    }
}
