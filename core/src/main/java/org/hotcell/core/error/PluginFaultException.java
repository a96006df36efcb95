package org.hotcell.core.error;

/**
 * A plugin misbehaved: it threw, or returned a non-finite value for a finite input. The message names the
 * plugin, the provision (such as an activation) and the input that triggered the fault.
 */
public final class PluginFaultException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param message names the plugin, the provision and the triggering input */
    public PluginFaultException(String message, Throwable cause) {
        super("HC-PLUGIN-FAULT", message, cause);
    }

    /** @param message names the plugin, the provision and the triggering input */
    public PluginFaultException(String message) {
        super("HC-PLUGIN-FAULT", message);
    }
}
