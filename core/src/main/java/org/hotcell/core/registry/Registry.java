package org.hotcell.core.registry;

import java.util.List;
import java.util.Optional;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellType;

/**
 * Finds what plugins provide: activation factories, cell types and backends, by name, and tells listeners
 * when that changes. Thread-safe. Lookups ignore case and underscores in names.
 *
 * <p>Resolve on use and do not keep what a lookup returns longer than the work at hand: a plugin may go away,
 * and a host that holds its objects holds its class loader. Keep names (an {@link ActivationSpec}, a
 * cell type name) and ask again, or listen for changes.
 *
 * <p>{@link PluginRegistry} is the implementation; {@link PluginRegistry#discover} fills one from
 * {@link java.util.ServiceLoader}, and the OSGi runtime fills one from the service registry.
 */
public interface Registry extends ActivationSource {

    /**
     * The activation a spec asks for, made by the factory that serves its name, from the canonical spec.
     *
     * @throws org.hotcell.core.error.UnknownActivationException listing the known names and the closest one
     * @throws org.hotcell.core.error.InvalidSpecException       naming a bad parameter and its valid values
     */
    @Override
    Activation activation(ActivationSpec spec);

    /** {@link #activation(ActivationSpec)} for spec text such as {@code leaky_relu(alpha=0.1)}. */
    default Activation activation(String specText) {
        return activation(ActivationSpec.parse(specText));
    }

    /** The spec with canonical name, all parameters named and defaults filled, checked. */
    ActivationSpec canonical(ActivationSpec spec);

    /** The factory serving a name or alias, if any. */
    Optional<ActivationFactory> activationFactory(String name);

    /** The canonical activation names served now, sorted. */
    List<String> activationNames();

    /**
     * The cell type with this name.
     *
     * @throws org.hotcell.core.error.UnknownCellTypeException listing the known ones
     */
    CellType cellType(String name);

    /** The cell types installed now, sorted by name. */
    List<CellType> cellTypes();

    /**
     * The backend with this name.
     *
     * @throws org.hotcell.core.error.UnknownBackendException listing the known ones
     */
    Backend backend(String name);

    /** The available backend of highest rank (the reference backend when nothing else is installed). */
    Backend defaultBackend();

    /** The backends installed now, highest rank first. */
    List<Backend> backends();

    /** Which bundle or module provides a name of this kind now, e.g. {@code org.hotcell.activations 0.1.0}. */
    Optional<String> origin(ProviderKind kind, String name);

    /** Adds a listener; closing the returned handle removes it. */
    Subscription subscribe(RegistryListener listener);

    /** A listener registration; {@link #close} ends it. */
    interface Subscription extends AutoCloseable {
        /** Stops the listener from being called; idempotent. */
        @Override
        void close();
    }
}
