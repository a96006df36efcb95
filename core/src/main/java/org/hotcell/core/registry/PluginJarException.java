package org.hotcell.core.registry;

import java.nio.file.Path;
import java.util.Optional;

import org.hotcell.core.error.HotcellException;

/**
 * A plugin jar that cannot be loaded ({@link PluginJar#load}): not a readable jar, a module that does not resolve
 * over Hotcell's modules, or a provider that fails while it is registered. The message says why (for a module
 * system failure, the module system's own message); {@link #jar()} names the jar and {@link #module()} its module.
 */
public final class PluginJarException extends HotcellException {
    private static final long serialVersionUID = 1L;

    private final transient Path jar;
    private final String module;

    /**
     * @param jar     the jar that failed
     * @param module  its module name, or null when it is no module or failed before its name was known
     * @param message why, without the jar's name
     * @param cause   the failure underneath, or null
     */
    PluginJarException(Path jar, String module, String message, Throwable cause) {
        super("HC-BAD-PLUGIN", message, cause);
        this.jar = jar;
        this.module = module;
    }

    /** The jar that failed to load. */
    public Path jar() {
        return jar;
    }

    /** The jar's module name, when the failure came after it was read. */
    public Optional<String> module() {
        return Optional.ofNullable(module);
    }
}
