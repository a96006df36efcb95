package org.hotcell.runtime.guice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.hotcell.runtime.models.BackendChoice;
import org.hotcell.runtime.streams.StreamSettings;

/**
 * What a host configures.
 *
 * @param pluginsDir the directory plugin jars are loaded from
 * @param modelsDir  the directory models are hosted from
 * @param port       the HTTP port (0: any free one)
 * @param backend    the backend models compute on
 * @param poll       how often the models directory is checked (the plugins directory too, in plain-Java mode)
 * @param streams    where streams are kept, how many and for how long
 */
public record HotcellConfig(Path pluginsDir, Path modelsDir, int port, BackendChoice backend, Duration poll,
                            StreamSettings streams) {

    /** A configuration whose streams are kept in memory only, with the default limits. */
    public HotcellConfig(Path pluginsDir, Path modelsDir, int port, BackendChoice backend, Duration poll) {
        this(pluginsDir, modelsDir, port, backend, poll, StreamSettings.inMemory());
    }

    public HotcellConfig {
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(streams, "streams");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
    }
}
