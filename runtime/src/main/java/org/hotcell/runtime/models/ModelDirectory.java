package org.hotcell.runtime.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.hotcell.model.io.ModelFiles;

/**
 * The models directory: which of its entries are models (a {@code NAME.json} spec, or a directory holding
 * {@code model.json} and {@code weights.safetensors}), the name each is hosted under, and which of them changed
 * since the last look, judged by modification times and sizes.
 */
final class ModelDirectory {
    private final Path directory;
    /** The change stamp of each model entry at the last look. */
    private final Map<Path, String> stamps = new ConcurrentHashMap<>();

    ModelDirectory(Path directory) {
        this.directory = directory;
    }

    /** The directory. */
    Path path() {
        return directory;
    }

    /**
     * Looks at the directory now: calls {@code removed} for each model entry gone since the last look, then
     * {@code changed} for each new or changed one, in name order. An entry counts as seen once its call begins.
     */
    void scan(Consumer<Path> removed, Consumer<Path> changed) throws IOException {
        Map<Path, String> seen = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.sorted().toList()) {
                String stamp = stamp(entry);
                if (stamp != null) {
                    seen.put(entry, stamp);
                }
            }
        }
        for (Path gone : new ArrayList<>(stamps.keySet())) {
            if (!seen.containsKey(gone)) {
                stamps.remove(gone);
                removed.accept(gone);
            }
        }
        seen.forEach((path, stamp) -> {
            if (!stamp.equals(stamps.get(path))) {
                stamps.put(path, stamp);
                changed.accept(path);
            }
        });
    }

    /** The name a model entry is hosted under: its file name without {@code .json} or {@code .hc}. */
    static String nameOf(Path path) {
        String file = path.getFileName().toString();
        if (file.endsWith(".json")) {
            return file.substring(0, file.length() - ".json".length());
        }
        return file.endsWith(".hc") ? file.substring(0, file.length() - ".hc".length()) : file;
    }

    /** A change stamp for a model entry, or null when the entry is not a model. */
    private static String stamp(Path entry) throws IOException {
        if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".json")) {
            return Files.getLastModifiedTime(entry) + "/" + Files.size(entry);
        }
        Path spec = entry.resolve(ModelFiles.SPEC);
        Path weights = entry.resolve(ModelFiles.WEIGHTS);
        if (Files.isDirectory(entry) && Files.isRegularFile(spec) && Files.isRegularFile(weights)) {
            return Files.getLastModifiedTime(spec) + "/" + Files.size(spec) + "/" + Files.getLastModifiedTime(weights)
                    + "/" + Files.size(weights);
        }
        return null;
    }
}
