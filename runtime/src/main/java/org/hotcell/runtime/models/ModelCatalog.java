package org.hotcell.runtime.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.runtime.streams.StateShape;

/** The hosted models by name: what listings show and what requests look up. Thread-safe. */
final class ModelCatalog {
    private final Map<String, HostedModel> models = new ConcurrentHashMap<>();

    /** Lists {@code model}, replacing one of the same name. */
    void put(HostedModel model) {
        models.put(model.name, model);
    }

    /** Drops the model named {@code name}, if listed. */
    void remove(String name) {
        models.remove(name);
    }

    /** Drops every model. */
    void clear() {
        models.clear();
    }

    /** The models listed now. */
    Collection<HostedModel> all() {
        return models.values();
    }

    /** Every model, available or not, sorted by name. */
    List<ModelStatus> statuses() {
        List<ModelStatus> list = new ArrayList<>();
        for (String name : new TreeSet<>(models.keySet())) {
            HostedModel h = models.get(name);
            if (h != null) {
                list.add(h.status());
            }
        }
        return list;
    }

    /**
     * The model named {@code name}.
     *
     * @throws ModelNotFoundException listing the models there are
     */
    HostedModel require(String name) {
        HostedModel h = models.get(name);
        if (h == null) {
            throw new ModelNotFoundException(name, new ArrayList<>(new TreeSet<>(models.keySet())));
        }
        return h;
    }

    /**
     * The layer sizes the named model's streams must have now.
     *
     * @throws ModelNotFoundException      when there is no such model
     * @throws PluginUnavailableException when it is unbound, or its plugins failed to compute a first step
     */
    StateShape stateShape(String model) {
        Binding b = require(model).computable();
        if (b.shape() == null) {
            throw new PluginUnavailableException("model '" + model + "': its plugins failed to compute a first step, "
                    + "so its stream state cannot be sized; retry");
        }
        return b.shape();
    }
}
