package org.hotcell.runtime.models;

import java.nio.file.Path;

import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.model.net.Model;
import org.hotcell.model.spec.ModelSpec;

/** A model read from the directory, and what it is bound to now. */
final class HostedModel {
    final String name;
    final Path source;
    /** Null when the files could not be read. */
    final ModelSpec spec;
    final HotcellException readError;
    /** Data only, spec and weights, never plugin objects; read at the first binding. */
    volatile Model model;
    /** Null until first bound. */
    volatile Binding binding;

    HostedModel(String name, Path source, ModelSpec spec, HotcellException readError) {
        this.name = name;
        this.source = source;
        this.spec = spec;
        this.readError = readError;
    }

    /**
     * The binding to compute with now.
     *
     * @throws HotcellException the binding's error (a {@link PluginUnavailableException} for a missing plugin), or a
     *                          {@link PluginUnavailableException} while the model is first being bound
     */
    Binding computable() {
        Binding b = binding;
        if (b == null) {
            throw new PluginUnavailableException("model '" + name + "' is still being bound");
        }
        if (!b.available()) {
            throw b.error();
        }
        return b;
    }

    /** The model as listings show it. */
    ModelStatus status() {
        Binding b = binding;
        boolean available = b != null && b.available();
        String error = b == null || available ? null : b.error().getMessage();
        return new ModelStatus(name, source.toString(), available, error, spec == null ? 0 : spec.inputSize(),
                spec == null ? 0 : spec.head().outputs(), spec == null ? null : spec.head().readout().text());
    }
}
