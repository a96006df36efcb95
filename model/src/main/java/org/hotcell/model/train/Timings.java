package org.hotcell.model.train;

/**
 * Where a training run spent its time, in nanoseconds of wall time.
 *
 * @param data      generating and checking batches
 * @param build     binding cells to the weights (packing): once per run, or after each update where the cells
 *                  cannot be updated in place
 * @param forward   forward passes, head and loss included
 * @param backward  backward passes (BPTT) and the head's backward
 * @param update    diagnostics, clipping and the optimizer
 * @param test      evaluating the test set
 */
public record Timings(long data, long build, long forward, long backward, long update, long test) {

    /** The sum of every part. */
    public long total() {
        return data + build + forward + backward + update + test;
    }

    /** The parts as shares of the total, e.g. {@code forward 31%, backward 60%, ...}. */
    public String describe() {
        double total = Math.max(1, total());
        return String.format(java.util.Locale.ROOT,
                "forward %.1fs (%.0f%%), backward %.1fs (%.0f%%), build %.1fs (%.0f%%), update %.1fs (%.0f%%), "
                        + "data %.1fs (%.0f%%), test %.1fs (%.0f%%)",
                forward / 1e9, 100 * forward / total, backward / 1e9, 100 * backward / total, build / 1e9,
                100 * build / total, update / 1e9, 100 * update / total, data / 1e9, 100 * data / total,
                test / 1e9, 100 * test / total);
    }
}
