package org.hotcell.runtime.models;

import java.util.Objects;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;

/**
 * Which backend models compute on: {@code auto} (the registry's highest-ranked backend at the time a model is
 * bound, so the SIMD backend when its bundle runs, else the reference backend) or a backend name. Holds the
 * name only and resolves on use, so it never keeps a backend plugin alive.
 *
 * @param name {@code auto} or a backend name such as {@code simd} or {@code reference}
 */
public record BackendChoice(String name) {
    /** The registry's best backend, chosen when a model is bound. */
    public static final BackendChoice AUTO = new BackendChoice("auto");

    public BackendChoice {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The backend this choice means now.
     *
     * @throws org.hotcell.core.error.UnknownBackendException when a named backend is not installed
     */
    public Backend resolve(Registry registry) {
        return name.equalsIgnoreCase("auto") ? registry.defaultBackend() : registry.backend(name);
    }
}
