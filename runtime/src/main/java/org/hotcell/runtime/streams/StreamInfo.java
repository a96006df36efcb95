package org.hotcell.runtime.streams;

import java.time.Instant;

/**
 * What {@code GET /api/models/{name}/streams/{id}} reports.
 *
 * @param model    the model
 * @param id       the stream id
 * @param batch    N, or -1 before the first step
 * @param steps    steps taken since creation or the last reset
 * @param lastUsed when it was last stepped, created, reset or imported
 * @param shape    the layer sizes of its state, or null before the first step
 */
public record StreamInfo(String model, String id, int batch, long steps, Instant lastUsed, StateShape shape) {
}
