package org.hotcell.runtime.streams;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code GET /api/streams} reports.
 *
 * @param open        streams kept now, all models together
 * @param capacity    the most streams kept
 * @param idleTimeout how long an unused stream is kept
 * @param storeFile   the store file, or null when streams are in memory only
 */
public record StreamsStatus(long open, int capacity, Duration idleTimeout, Path storeFile) {
}
