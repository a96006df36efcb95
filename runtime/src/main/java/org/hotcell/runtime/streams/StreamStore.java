package org.hotcell.runtime.streams;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams on disk: one H2 MVStore file with a map from {@code model NUL id} to (last used, snapshot bytes)
 * and a map from model to the {@link StateShape#text()} its streams have. Every change is committed before the
 * method returns, so what a caller answered after a change survives a kill of the process (the chunk is in the
 * operating system's cache; a power cut may lose the last second, which MVStore syncs in the background).
 * Thread-safe (MVStore is); a caller serializes changes to one stream.
 */
final class StreamStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamStore.class);
    /** The store's file name in the state directory. */
    static final String FILE = "streams.mv.db";
    private static final char SEPARATOR = '\u0000';

    private final MVStore store;
    private final MVMap<String, byte[]> streams;
    private final MVMap<String, String> shapes;
    private final Path file;

    /** A stored stream: when it was last used (epoch millis) and its state. */
    record Stored(long lastUsed, StreamSnapshot snapshot) {
    }

    private StreamStore(MVStore store, Path file) {
        this.store = store;
        this.file = file;
        this.streams = store.openMap("streams");
        this.shapes = store.openMap("shapes");
    }

    /** Opens (creating it when missing) the store in {@code stateDir}, or one in memory when that is null. */
    static StreamStore open(Path stateDir) throws IOException {
        if (stateDir == null) {
            return new StreamStore(new MVStore.Builder().open(), null);
        }
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(FILE);
        StreamStore opened = new StreamStore(new MVStore.Builder().fileName(file.toString()).open(), file);
        LOG.info("stream state in {} ({} streams kept)", file, opened.count());
        return opened;
    }

    static String key(String model, String id) {
        return model + SEPARATOR + id;
    }

    Path file() {
        return file;
    }

    long count() {
        return streams.sizeAsLong();
    }

    Stored get(String model, String id) {
        byte[] value = streams.get(key(model, id));
        return value == null ? null : decode(value);
    }

    /** Stores and commits. */
    void put(String model, String id, Stored stored) {
        byte[] snapshot = stored.snapshot().toBytes();
        streams.put(key(model, id), ByteBuffer.allocate(8 + snapshot.length).putLong(stored.lastUsed())
                .put(snapshot).array());
        store.commit();
    }

    /** Removes and commits; whether there was such a stream. */
    boolean remove(String model, String id) {
        boolean removed = streams.remove(key(model, id)) != null;
        store.commit();
        return removed;
    }

    /** Removes every stream of a model and commits; how many there were. */
    int removeModel(String model) {
        List<String> keys = new ArrayList<>();
        String prefix = model + SEPARATOR;
        for (Iterator<String> it = streams.keyIterator(prefix); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            keys.add(key);
        }
        keys.forEach(streams::remove);
        store.commit();
        return keys.size();
    }

    /** Calls {@code action} with (model, id) and the last-used time of every stream, on a snapshot of the map. */
    void forEachLastUsed(BiConsumer<String[], Long> action) {
        for (Map.Entry<String, byte[]> entry : streams.entrySet()) {
            String key = entry.getKey();
            int at = key.indexOf(SEPARATOR);
            action.accept(new String[] {key.substring(0, at), key.substring(at + 1)},
                    ByteBuffer.wrap(entry.getValue()).getLong());
        }
    }

    /** The shape recorded for a model's streams, or null. */
    String shape(String model) {
        return shapes.get(model);
    }

    void recordShape(String model, String shape) {
        shapes.put(model, shape);
        store.commit();
    }

    private static Stored decode(byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        long lastUsed = buffer.getLong();
        byte[] snapshot = new byte[value.length - 8];
        buffer.get(snapshot);
        return new Stored(lastUsed, StreamSnapshot.fromBytes(snapshot));
    }

    @Override
    public void close() {
        store.close();
    }
}
