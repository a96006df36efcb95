package org.hotcell.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.hotcell.core.cell.CellState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lifecycle, limits and persistence of {@link HostedStreams}, without models (steps are in the ITs). */
class HostedStreamsTest {
    private static final StateShape RNN3 = new StateShape(List.of(List.of(new StateShape.Part(3, false))));
    private static final StateShape LSTM3 = new StateShape(List.of(List.of(new StateShape.Part(3, true))));

    @TempDir
    Path state;

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void idleStreamsAreRemovedAndOthersKept() throws Exception {
        ManualClock clock = new ManualClock();
        StreamSettings settings = StreamSettings.persistedIn(state).withLimits(10, Duration.ofMinutes(5));
        try (HostedStreams streams = HostedStreams.open(settings, m -> RNN3, clock)) {
            streams.create("m", "old");
            clock.millis += Duration.ofMinutes(4).toMillis();
            streams.create("m", "young");
            clock.millis += Duration.ofMinutes(2).toMillis();
            assertThat(streams.removeIdle()).isEqualTo(1);
            assertThatThrownBy(() -> streams.info("m", "old")).isInstanceOf(UnknownStreamException.class)
                    .hasMessageContaining("'old'").hasMessageContaining("'m'");
            assertThat(streams.info("m", "young").steps()).isZero();
        }
    }

    @Test
    void aFullStoreRefusesNewStreamsAndKeepsTheOld() throws Exception {
        try (HostedStreams streams = HostedStreams.open(StreamSettings.inMemory().withLimits(2, Duration.ofHours(1)),
                m -> RNN3)) {
            streams.create("m", "a");
            streams.create("m", "b");
            assertThatThrownBy(() -> streams.create("m", "c")).isInstanceOf(TooManyStreamsException.class)
                    .hasMessageContaining("--max-streams 2")
                    .satisfies(e -> assertThat(((TooManyStreamsException) e).retryAfter()).isPositive());
            assertThat(streams.status().open()).isEqualTo(2);
            streams.info("m", "a");
        }
    }

    @Test
    void streamsSurviveReopeningAndAreDroppedWhenTheirModelsLayersChange() throws Exception {
        try (HostedStreams streams = HostedStreams.open(StreamSettings.persistedIn(state), m -> RNN3)) {
            streams.modelBound("m", RNN3);
            streams.modelBound("other", RNN3);
            streams.create("m", "a");
            streams.create("other", "b");
        }
        try (HostedStreams streams = HostedStreams.open(StreamSettings.persistedIn(state), m -> RNN3)) {
            assertThat(streams.status().open()).isEqualTo(2);
            streams.modelBound("m", RNN3);
            assertThat(streams.status().open()).isEqualTo(2);
            streams.modelBound("m", LSTM3);
            assertThatThrownBy(() -> streams.info("m", "a")).isInstanceOf(UnknownStreamException.class);
            streams.info("other", "b");
        }
    }

    @Test
    void aSnapshotGoesToBytesAndBackExactly() {
        CellState h = CellState.of(2, 3, new float[] {1, 2, 3, 4, 5, 6}, new float[] {-1, -2, -3, -4, -5, -6});
        StreamSnapshot snapshot = new StreamSnapshot("m", 2, 7, List.of(List.of(h), List.of(h.copy(), h.copy())));
        StreamSnapshot back = StreamSnapshot.fromBytes(snapshot.toBytes());
        assertThat(back).isEqualTo(snapshot);
        assertThat(StreamSnapshot.fromBytes(StreamSnapshot.fresh("x").toBytes())).isEqualTo(StreamSnapshot.fresh("x"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 10, 40, 60})
    void truncatedSnapshotsAreRefusedSayingSo(int length) {
        CellState h = CellState.of(1, 3, new float[] {1, 2, 3}, null);
        byte[] bytes = new StreamSnapshot("m", 1, 1, List.of(List.of(h))).toBytes();
        assertThatThrownBy(() -> StreamSnapshot.fromBytes(Arrays.copyOf(bytes, Math.min(length, bytes.length - 1))))
                .isInstanceOf(StateMismatchException.class).hasMessageContaining("snapshot");
    }

    @Test
    void badIdsAndDurationsAreNamed() throws Exception {
        try (HostedStreams streams = HostedStreams.open(StreamSettings.inMemory(), m -> RNN3)) {
            assertThatThrownBy(() -> streams.create("m", "a\u0000b")).isInstanceOf(InvalidStreamIdException.class);
            assertThatThrownBy(() -> streams.create("m", "")).isInstanceOf(InvalidStreamIdException.class);
        }
        assertThat(StreamSettings.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(StreamSettings.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(StreamSettings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(StreamSettings.parseDuration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> StreamSettings.parseDuration("soon")).hasMessageContaining("'soon'");
        assertThatThrownBy(() -> new StreamSettings(null, 0, Duration.ofHours(1))).hasMessageContaining("--max-streams");
    }
}
