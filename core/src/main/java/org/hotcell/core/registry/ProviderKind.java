package org.hotcell.core.registry;

import java.util.Set;

import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellType;

/**
 * The kinds of plugin provision a {@link Registry} tracks, each with the service interface its providers
 * implement. The one place that maps a kind to its interface and to the names a provider serves: hosts that look
 * providers up by interface (ServiceLoader, OSGi service trackers) go through {@link #values()} and {@link #type()}.
 */
public enum ProviderKind {
    /** An {@link ActivationFactory}. */
    ACTIVATION("activation", ActivationFactory.class),
    /** A {@link CellType}. */
    CELL_TYPE("cell type", CellType.class),
    /** A {@link Backend}. */
    BACKEND("backend", Backend.class);

    private final String word;
    private final Class<?> type;

    ProviderKind(String word, Class<?> type) {
        this.word = word;
        this.type = type;
    }

    /** The kind in words, for messages. */
    public String word() {
        return word;
    }

    /** The service interface a provider of this kind implements, e.g. {@link ActivationFactory} for activations. */
    public Class<?> type() {
        return type;
    }

    /**
     * The names a provider of this kind serves: an activation factory's canonical names (not its aliases), a cell
     * type's or backend's name. Calls the provider, which is plugin code.
     *
     * @throws IllegalArgumentException when {@code provider} does not implement {@link #type()}
     */
    public Set<String> names(Object provider) {
        return switch (this) {
            case ACTIVATION -> ((ActivationFactory) require(provider)).names();
            case CELL_TYPE -> Set.of(((CellType) require(provider)).name());
            case BACKEND -> Set.of(((Backend) require(provider)).name());
        };
    }

    /**
     * {@code provider}, checked to implement this kind's interface.
     *
     * @throws IllegalArgumentException when it does not
     */
    Object require(Object provider) {
        if (!type.isInstance(provider)) {
            throw new IllegalArgumentException("not a Hotcell provider of kind " + word + " (" + type.getName()
                    + "): " + provider);
        }
        return provider;
    }
}
