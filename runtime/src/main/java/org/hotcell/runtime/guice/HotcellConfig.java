package org.hotcell.runtime.guice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.hotcell.runtime.models.BackendChoice;

/**
 * What a host configures.
 *
 * @param pluginsDir the directory plugin jars are loaded from
 * @param modelsDir  the directory models are hosted from
 * @param port       the HTTP port (0: any free one)
 * @param backend    the backend models compute on
 * @param poll       how often the models directory is checked (the plugins directory too, in plain-Java mode)
 */
public record HotcellConfig(Path pluginsDir, Path modelsDir, int port, BackendChoice backend, Duration poll) {

    public HotcellConfig {
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(poll, "poll");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
    }
}
