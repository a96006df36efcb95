package org.hotcell.runtime.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.Names;
import org.hotcell.core.registry.ProviderKind;
import org.hotcell.core.registry.Registry;
import org.hotcell.core.registry.RegistryEvent;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;

/**
 * Which plugins a model computes with: the origin of each layer's cell type and of the activation every role gets,
 * whether the spec sets it or leaves it to the cell type's default (an LSTM's gates are {@code sigmoid} unless the
 * spec says otherwise); and, for an activation that no plugin serves now, the plugin that served it last.
 */
final class ModelPlugins {
    private final Registry registry;
    /** The bundle or module that last provided each activation name (by {@link Names#key}). */
    private final Map<String, String> lastOrigins = new ConcurrentHashMap<>();

    ModelPlugins(Registry registry) {
        this.registry = registry;
    }

    /** Remembers the origin of each activation that goes, for {@link #departed}. */
    void registryChanged(RegistryEvent event) {
        if (event.change() == RegistryEvent.Change.REMOVED && event.kind() == ProviderKind.ACTIVATION) {
            event.names().forEach(name -> lastOrigins.put(Names.key(name), event.origin()));
        }
    }

    /** {@code plugins: a, b}: the origins, sorted, of the cell types and activations the model uses now. */
    String inUse(ModelSpec spec) {
        TreeSet<String> origins = new TreeSet<>();
        for (LayerSpec layer : spec.layers()) {
            registry.origin(ProviderKind.CELL_TYPE, layer.cellType()).ifPresent(origins::add);
        }
        for (ActivationSpec activation : activations(spec)) {
            registry.origin(ProviderKind.ACTIVATION, activation.name()).ifPresent(origins::add);
        }
        return "plugins: " + String.join(", ", origins);
    }

    /**
     * For each activation of the model that no plugin serves now, once per name, the plugin that served it last, to
     * append to an error: {@code ; activation 'x' was provided by bundle b 1.0, which is gone}. Empty when none is
     * known.
     */
    String departed(ModelSpec spec) {
        StringBuilder text = new StringBuilder();
        for (ActivationSpec activation : activations(spec)) {
            String origin = lastOrigins.get(Names.key(activation.name()));
            if (registry.activationFactory(activation.name()).isEmpty() && origin != null
                    && text.indexOf("'" + activation.name() + "'") < 0) {
                text.append("; activation '").append(activation.name()).append("' was provided by ").append(origin)
                        .append(", which is gone");
            }
        }
        return text.toString();
    }

    /**
     * The activations of every layer: those the spec sets, in its order, then what each of the cell type's roles
     * gets (its own setting, its fallback role's, or its default). Only the set ones for a layer whose cell type is
     * not installed or fails to list its roles.
     */
    private List<ActivationSpec> activations(ModelSpec spec) {
        List<ActivationSpec> all = new ArrayList<>();
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            all.addAll(layer.activations().values());
            try {
                CellType type = registry.cellType(layer.cellType());
                CellSpec cell = layer.cellSpec(spec.layerInputSize(l));
                type.roles().forEach(role -> all.add(type.activationFor(cell, role.name())));
            } catch (RuntimeException | LinkageError unknownOrFaulty) {
                // The set ones are all that can be named.
            }
        }
        return all;
    }
}
