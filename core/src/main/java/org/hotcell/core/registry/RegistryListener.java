package org.hotcell.core.registry;

/**
 * Told of every change to a {@link Registry}, after the change is visible to lookups. Called on the thread
 * that made the change; keep it short and do not throw (a throwing listener is logged and skipped).
 */
@FunctionalInterface
public interface RegistryListener {

    /** One provider came or went. */
    void changed(RegistryEvent event);
}
