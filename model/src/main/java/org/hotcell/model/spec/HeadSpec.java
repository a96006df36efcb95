package org.hotcell.model.spec;

import java.util.Objects;

import org.hotcell.core.error.InvalidSpecException;

/**
 * The dense head on top of the recurrent stack: {@code out = W . h + b}, with W of {@code [outputs, F]} where F
 * is the top layer's output width.
 *
 * @param outputs O, the width of each prediction
 * @param readout which steps the head reads
 */
public record HeadSpec(int outputs, Readout readout) {

    /** @throws InvalidSpecException when outputs is below 1 */
    public HeadSpec {
        Objects.requireNonNull(readout, "readout");
        if (outputs < 1) {
            throw new InvalidSpecException("dense head must have at least 1 output, got " + outputs);
        }
    }
}
