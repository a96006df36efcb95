package org.hotcell.runtime.cli;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;
import org.hotcell.runtime.models.BackendChoice;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --backend} of the commands that compute in this process ({@code train}, {@code evaluate}). Every
 * command's {@code --backend} is a {@link BackendChoice}, read by {@link Converter}, so {@code auto} and a name mean
 * the same everywhere; {@code bench} and {@code run} declare their own option only because their help words it
 * otherwise.
 */
final class BackendOption {

    @Option(names = "--backend", paramLabel = "<backendName>", converter = Converter.class,
            description = "compute backend by name; default: the best installed")
    private BackendChoice choice = BackendChoice.AUTO;

    /** The backend chosen, resolved now: the registry's best unless {@code --backend} named one. */
    Backend resolve(Registry registry) {
        return choice.resolve(registry);
    }

    /** Reads a {@code --backend} value: {@code auto} or a backend name. */
    static final class Converter implements ITypeConverter<BackendChoice> {
        @Override
        public BackendChoice convert(String value) {
            return new BackendChoice(value);
        }
    }
}
