package org.hotcell.runtime.models;

import java.util.Objects;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.WeightStorage;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.Registry;

/**
 * Which backend models compute on: {@code auto} (the registry's highest-ranked backend at the time a model is
 * bound, so the SIMD backend when its bundle runs, else the reference backend) or a backend name, and how it
 * stores the models' weights ({@code run --weights}). Holds the name only and resolves on use, so it never keeps
 * a backend plugin alive.
 *
 * @param name    {@code auto} or a backend name such as {@code simd} or {@code reference}
 * @param weights the storage of the packed weights: fp32, or for inference bf16 or int8
 */
public record BackendChoice(String name, WeightStorage weights) {
    /** The registry's best backend, chosen when a model is bound, with fp32 weights. */
    public static final BackendChoice AUTO = new BackendChoice("auto");

    public BackendChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weights, "weights");
    }

    /** A backend by name ({@code auto} or a name) with fp32 weights. */
    public BackendChoice(String name) {
        this(name, WeightStorage.FP32);
    }

    /** This choice, storing weights as {@code storage}. */
    public BackendChoice withWeights(WeightStorage storage) {
        return new BackendChoice(name, storage);
    }

    /**
     * The backend this choice means now.
     *
     * @throws org.hotcell.core.error.UnknownBackendException when a named backend is not installed
     * @throws InvalidSpecException naming the backend when it cannot store weights as asked (e.g. {@code auto}
     *         fell back to the reference backend while the SIMD bundle is away): the model fails to bind with that
     *         message, and binds again when the registry changes
     */
    public Backend resolve(Registry registry) {
        Backend backend = name.equalsIgnoreCase("auto") ? registry.defaultBackend() : registry.backend(name);
        if (weights == WeightStorage.FP32) {
            return backend;
        }
        try {
            return backend.withWeightStorage(weights);
        } catch (UnsupportedOperationException e) {
            throw new InvalidSpecException("weights " + weights.spelling() + " were asked for, but backend '"
                    + backend.name() + "' stores weights as fp32 only");
        }
    }
}
