package org.hotcell.runtime.osgi;

import org.osgi.framework.Bundle;

/** How bundles are named in logs, errors and registry origins. */
final class BundleNames {
    private BundleNames() {
    }

    /** The bundle's state as a word: INSTALLED, RESOLVED, STARTING, STOPPING, ACTIVE or UNINSTALLED. */
    static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
