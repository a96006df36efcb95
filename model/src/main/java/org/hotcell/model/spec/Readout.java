package org.hotcell.model.spec;

import java.util.Locale;

import org.hotcell.core.error.InvalidSpecException;

/** Which recurrent outputs the dense head reads. */
public enum Readout {
    /** Every step: the head maps each {@code [t, n]} output row, giving {@code [T, N, O]}. */
    PER_STEP,
    /** Each sequence's last valid step only, giving {@code [N, O]}. */
    LAST_STEP;

    /** The name used in model files and on the command line: {@code per_step} or {@code last_step}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code per_step} or {@code last_step}, in any case. */
    public static Readout parse(String text) {
        for (Readout readout : values()) {
            if (readout.text().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return readout;
            }
        }
        throw new InvalidSpecException("readout '" + text + "' is not one of per_step, last_step");
    }
}
