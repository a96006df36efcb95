package org.hotcell.core.error;

/**
 * Something a model needs is provided by a plugin that is not there now: it was never installed, it was
 * removed, or it failed. The message names what is missing and, when known, the bundle that provided it.
 */
public final class PluginUnavailableException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param message names the missing provision and the plugin that served it */
    public PluginUnavailableException(String message) {
        super("HC-PLUGIN-UNAVAILABLE", message);
    }

    /** @param message names the missing provision and the plugin that served it */
    public PluginUnavailableException(String message, Throwable cause) {
        super("HC-PLUGIN-UNAVAILABLE", message, cause);
    }
}
