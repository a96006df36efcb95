package org.hotcell.runtime.streams;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where streams are kept and how many, for how long.
 *
 * @param stateDir    the directory of the store file ({@value StreamStore#FILE}), or null to keep streams in memory
 *                    only (tests, embedding)
 * @param maxStreams  the capacity: a new stream beyond it is refused, never an old one dropped
 * @param idleTimeout a stream not stepped, read or written for this long is removed
 */
public record StreamSettings(Path stateDir, int maxStreams, Duration idleTimeout) {
    /** The default capacity. */
    public static final int DEFAULT_MAX_STREAMS = 100_000;
    /** The default idle timeout. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(24);

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public StreamSettings {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("--max-streams must be at least 1, got " + maxStreams);
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("--stream-idle-timeout must be positive, got " + idleTimeout);
        }
        stateDir = stateDir == null ? null : stateDir.toAbsolutePath().normalize();
    }

    /** Streams in memory only, with the default limits. */
    public static StreamSettings inMemory() {
        return new StreamSettings(null, DEFAULT_MAX_STREAMS, DEFAULT_IDLE_TIMEOUT);
    }

    /** Streams persisted in {@code stateDir}, with the default limits. */
    public static StreamSettings persistedIn(Path stateDir) {
        return new StreamSettings(stateDir, DEFAULT_MAX_STREAMS, DEFAULT_IDLE_TIMEOUT);
    }

    /** These settings with other limits. */
    public StreamSettings withLimits(int max, Duration idle) {
        return new StreamSettings(stateDir, max, idle);
    }

    /**
     * Reads a duration as {@code 500ms}, {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d} or ISO-8601
     * ({@code PT24H}).
     *
     * @throws IllegalArgumentException naming the text
     */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 500ms, 90s, 30m, 24h, 7d "
                    + "or PT24H");
        }
    }
}
