package org.hotcell.runtime.cli;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;
import org.hotcell.runtime.models.BackendChoice;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --backend} of every command that computes ({@code train}, {@code evaluate}, {@code bench}, {@code run}): a
 * {@link BackendChoice}, read by {@link Converter}, so {@code auto} and a name mean the same everywhere.
 */
final class BackendOption {

    @Option(names = "--backend", paramLabel = "NAME", converter = Converter.class,
            description = "compute backend: auto (the highest-ranked installed) or a name such as simd or reference "
                    + "(default: auto)")
    private BackendChoice choice = BackendChoice.AUTO;

    /** The backend as given, resolved later: {@code run} resolves it again for every model it binds. */
    BackendChoice choice() {
        return choice;
    }

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
