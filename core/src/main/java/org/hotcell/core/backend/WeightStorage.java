package org.hotcell.core.backend;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a backend stores packed weights for its products ({@link Backend#withWeightStorage}). {@link #FP32} is the
 * default and the only storage that keeps the {@link Backend} contract of results equal to the reference
 * backend's to float rounding; the others are for inference only, where at batch 1 the time of a recurrent step
 * is the time it takes to read the weights from memory, and fewer bytes per weight read faster.
 *
 * <p>Every storage accumulates in float32: only the weights are rounded, once, when they are packed. A product
 * element {@code sum_k w_k x_k} then carries an extra error of at most {@code sum_k |w_k x_k|} times the
 * storage's relative rounding error of a weight ({@link #relativeError}), beside the float accumulation's own.
 */
public enum WeightStorage {
    /** float32, as given: the default. */
    FP32("fp32", 0),
    /**
     * bfloat16: the upper 16 bits of the float32 (8 exponent bits, 7 stored mantissa bits), rounded to nearest,
     * ties to even. Half the bytes; a weight's relative error is at most 2^-8. Range and NaN are kept.
     */
    BF16("bf16", 0x1p-8),
    /**
     * int8 with one float scale per row of W (per output unit): {@code q = round(w / s)} in [-127, 127] with
     * {@code s = max|w_row| / 127}. A quarter of the bytes; the error of a weight is at most {@code s / 2},
     * which is relative to the row's largest weight, not to the weight itself.
     */
    INT8("int8", 1.0 / 254);

    private final String spelling;
    private final double relativeError;

    WeightStorage(String spelling, double relativeError) {
        this.spelling = spelling;
        this.relativeError = relativeError;
    }

    /** The command-line spelling: {@code fp32}, {@code bf16} or {@code int8}. */
    public String spelling() {
        return spelling;
    }

    /**
     * The largest error of one stored weight: relative to the weight for {@link #BF16}, relative to the largest
     * magnitude in its row for {@link #INT8}, and 0 for {@link #FP32}.
     */
    public double relativeError() {
        return relativeError;
    }

    /**
     * The storage spelt {@code text} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the text and the valid spellings
     */
    public static WeightStorage parse(String text) {
        for (WeightStorage storage : values()) {
            if (storage.spelling.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return storage;
            }
        }
        throw new IllegalArgumentException("unknown weight storage '" + text + "'; valid: " + spellings());
    }

    /** The valid spellings, e.g. {@code fp32, bf16, int8}. */
    public static String spellings() {
        return Arrays.stream(values()).map(WeightStorage::spelling).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return spelling.toLowerCase(Locale.ROOT);
    }
}
