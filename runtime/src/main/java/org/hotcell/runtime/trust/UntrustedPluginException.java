package org.hotcell.runtime.trust;

import org.hotcell.core.error.HotcellException;

/** A plugin, or the directory plugins come from, is not trusted; the message names it and says why. */
public final class UntrustedPluginException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file or directory and the reason */
    public UntrustedPluginException(String message) {
        super("HC-UNTRUSTED", message);
    }
}
