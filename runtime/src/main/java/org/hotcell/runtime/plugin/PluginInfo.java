package org.hotcell.runtime.plugin;

import java.util.List;
import java.util.Objects;

/**
 * One loaded plugin, for listings.
 *
 * @param name     bundle symbolic name or module name
 * @param version  its version text
 * @param state    what the host says about it ({@code ACTIVE}, {@code INSTALLED}, {@code RESOLVED}, {@code LAYER})
 * @param location where it was loaded from (a file URI or path)
 * @param provides what it provides now, e.g. {@code activation sigmoid}
 */
public record PluginInfo(String name, String version, String state, String location, List<String> provides) {

    public PluginInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(location, "location");
        provides = List.copyOf(provides);
    }
}
