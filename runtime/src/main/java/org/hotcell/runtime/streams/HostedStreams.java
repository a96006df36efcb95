package org.hotcell.runtime.streams;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.model.net.NetworkPass;
import org.hotcell.runtime.streams.StreamStore.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model's streams: their lifecycle, their limits and their persistence ({@link StreamStore}, the truth; no
 * stream lives only in memory). Thread-safe: calls on one stream are serialized, calls on different streams run
 * in parallel. A stream is identified by model name and id; its batch size is fixed by its first step.
 *
 * <p>When the capacity is reached a new stream is refused with {@link TooManyStreamsException}; none is ever
 * dropped to make room. Streams unused for the idle timeout are removed by a sweep (logged at INFO with the count).
 */
public final class HostedStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostedStreams.class);
    private static final int STRIPES = 1024;
    private static final int MAX_ID_LENGTH = 256;

    /** The layer sizes a model's streams must have now. */
    @FunctionalInterface
    public interface ShapeSource {
        /**
         * The shape of the named model's state.
         *
         * @throws org.hotcell.core.error.HotcellException when the model is unknown or unavailable
         */
        StateShape shapeOf(String model);
    }

    private final StreamSettings settings;
    private final StreamStore store;
    private final ShapeSource shapes;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];
    private final Object capacity = new Object();
    private final Duration sweepEvery;
    private final ScheduledExecutorService sweeper;

    private HostedStreams(StreamSettings settings, StreamStore store, ShapeSource shapes, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.shapes = shapes;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        long tenth = settings.idleTimeout().toMillis() / 10;
        this.sweepEvery = Duration.ofMillis(Math.max(1_000, Math.min(60_000, tenth)));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hotcell-stream-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, sweepEvery.toMillis(), sweepEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the store the settings name and starts the idle sweep.
     *
     * @param shapes the current layer sizes of each model, for imports
     */
    public static HostedStreams open(StreamSettings settings, ShapeSource shapes) throws IOException {
        return open(settings, shapes, Clock.systemUTC());
    }

    static HostedStreams open(StreamSettings settings, ShapeSource shapes, Clock clock) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(shapes, "shapes");
        return new HostedStreams(settings, StreamStore.open(settings.stateDir()), shapes, clock);
    }

    /** Open streams, capacity, idle timeout and where they are kept. */
    public StreamsStatus status() {
        return new StreamsStatus(store.count(), settings.maxStreams(), settings.idleTimeout(), store.file());
    }

    /**
     * Creates an empty stream (its first step fixes its batch size).
     *
     * @param id the id, or null for a new random one
     * @throws StreamExistsException    when there is one of that id
     * @throws TooManyStreamsException  when the capacity is reached
     */
    public StreamInfo create(String model, String id) {
        shapes.shapeOf(model); // the model must exist
        String streamId = id == null ? UUID.randomUUID().toString() : checkId(id);
        synchronized (stripe(model, streamId)) {
            if (store.get(model, streamId) != null) {
                throw new StreamExistsException("stream '" + streamId + "' of model '" + model + "' exists already");
            }
            Stored stored = new Stored(clock.millis(), StreamSnapshot.fresh(model));
            putNew(model, streamId, stored);
            return info(model, streamId, stored);
        }
    }

    /**
     * Advances a stream (created on its first step) by one step, storing the state the step leaves before
     * returning, so that what the caller answers is never lost.
     *
     * @param advance runs the model from the given state (null for a fresh stream)
     * @throws ShapeMismatchException  when the batch size is not the stream's
     * @throws TooManyStreamsException when the stream is new and the capacity is reached
     */
    public NetworkPass step(String model, String id, int batch, Function<List<List<CellState>>, NetworkPass> advance) {
        checkId(id);
        synchronized (stripe(model, id)) {
            Stored stored = store.get(model, id);
            StreamSnapshot before = stored == null ? StreamSnapshot.fresh(model) : stored.snapshot();
            if (before.batch() >= 0 && before.batch() != batch) {
                throw new ShapeMismatchException("stream '" + id + "' of model '" + model + "' has batch size "
                        + before.batch() + " from its first step, got " + batch);
            }
            NetworkPass pass = advance.apply(before.states());
            Stored after = new Stored(clock.millis(), new StreamSnapshot(model, batch, before.steps() + 1,
                    pass.lastStates()));
            if (stored == null) {
                putNew(model, id, after);
            } else {
                store.put(model, id, after);
            }
            return pass;
        }
    }

    /** @throws UnknownStreamException when there is no such stream */
    public StreamInfo info(String model, String id) {
        return info(model, id, require(model, id));
    }

    /** Sets a stream back to a fresh one (no state, no batch size, no steps); keeps its id. */
    public StreamInfo reset(String model, String id) {
        synchronized (stripe(model, id)) {
            require(model, id);
            Stored stored = new Stored(clock.millis(), StreamSnapshot.fresh(model));
            store.put(model, id, stored);
            return info(model, id, stored);
        }
    }

    /** @throws UnknownStreamException when there is no such stream */
    public void delete(String model, String id) {
        synchronized (stripe(model, id)) {
            if (!store.remove(model, id)) {
                throw unknown(model, id);
            }
        }
    }

    /** The stream's state as {@link StreamSnapshot} bytes. */
    public byte[] export(String model, String id) {
        return require(model, id).snapshot().toBytes();
    }

    /**
     * Creates or replaces a stream from {@link #export} bytes, which may come from another stream, model or server
     * as long as the layer sizes are this model's.
     *
     * @throws StateMismatchException naming what differs
     */
    public StreamInfo importState(String model, String id, byte[] bytes) {
        checkId(id);
        StreamSnapshot given = StreamSnapshot.fromBytes(bytes);
        StateShape expected = shapes.shapeOf(model);
        if (given.states() != null) {
            String difference = given.shape().difference(expected);
            if (difference != null) {
                throw new StateMismatchException("the state of model '" + given.model() + "' does not fit model '"
                        + model + "': " + difference + " (model " + expected.text() + ", state "
                        + given.shape().text() + ")");
            }
        }
        StreamSnapshot snapshot = new StreamSnapshot(model, given.batch(), given.steps(), given.states());
        synchronized (stripe(model, id)) {
            Stored stored = new Stored(clock.millis(), snapshot);
            if (store.get(model, id) == null) {
                putNew(model, id, stored);
            } else {
                store.put(model, id, stored);
            }
            return info(model, id, stored);
        }
    }

    /**
     * Called whenever a model is (re)bound: its streams are kept when their layer sizes are still the model's, else
     * dropped with a WARN naming the model and the sizes.
     */
    public void modelBound(String model, StateShape shape) {
        String now = shape.text();
        String before = store.shape(model);
        if (now.equals(before)) {
            return;
        }
        if (before != null) {
            int dropped;
            synchronized (capacity) {
                dropped = store.removeModel(model);
            }
            if (dropped > 0) {
                LOG.warn("model {}: layer sizes changed from {} to {}; dropped its {} streams, whose state no longer "
                        + "fits", model, before, now, dropped);
            }
        }
        store.recordShape(model, now);
    }

    /** Removes streams unused for the idle timeout now; how many. */
    public int removeIdle() {
        long oldest = clock.millis() - settings.idleTimeout().toMillis();
        List<String[]> idle = new ArrayList<>();
        store.forEachLastUsed((key, lastUsed) -> {
            if (lastUsed < oldest) {
                idle.add(key);
            }
        });
        int removed = 0;
        for (String[] key : idle) {
            synchronized (stripe(key[0], key[1])) {
                Stored stored = store.get(key[0], key[1]);
                if (stored != null && stored.lastUsed() < oldest && store.remove(key[0], key[1])) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            LOG.info("removed {} streams idle for more than {}", removed, settings.idleTimeout());
        }
        return removed;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            sweeper.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    private void putNew(String model, String id, Stored stored) {
        synchronized (capacity) {
            if (store.count() >= settings.maxStreams()) {
                throw new TooManyStreamsException("cannot open stream '" + id + "' of model '" + model + "': "
                        + store.count() + " streams are open, the most allowed (--max-streams " + settings.maxStreams()
                        + "); delete streams or retry after idle ones (" + settings.idleTimeout() + ") are removed",
                        sweepEvery);
            }
            store.put(model, id, stored);
        }
    }

    private Stored require(String model, String id) {
        Stored stored = store.get(model, id);
        if (stored == null) {
            throw unknown(model, id);
        }
        return stored;
    }

    private static UnknownStreamException unknown(String model, String id) {
        return new UnknownStreamException("no stream '" + id + "' of model '" + model + "'");
    }

    private StreamInfo info(String model, String id, Stored stored) {
        StreamSnapshot s = stored.snapshot();
        return new StreamInfo(model, id, s.batch(), s.steps(), Instant.ofEpochMilli(stored.lastUsed()), s.shape());
    }

    private Object stripe(String model, String id) {
        return stripes[Math.floorMod(StreamStore.key(model, id).hashCode(), STRIPES)];
    }

    private static String checkId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidStreamIdException("stream id '" + id + "' is not valid: it must be 1 to " + MAX_ID_LENGTH
                    + " characters without control characters");
        }
        return id;
    }

    private void sweepQuietly() {
        try {
            removeIdle();
        } catch (RuntimeException e) {
            LOG.warn("cannot remove idle streams: {}", e.toString());
        }
    }
}
