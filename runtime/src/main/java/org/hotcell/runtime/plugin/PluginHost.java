package org.hotcell.runtime.plugin;

import java.util.List;

import org.hotcell.core.registry.Registry;

/**
 * Where plugins come from: an embedded OSGi framework ({@code org.hotcell.runtime.osgi.FelixHost}) or module
 * layers over a directory of jars ({@code org.hotcell.runtime.plain.LayerHost}). Either way the host fills one
 * {@link Registry} and keeps it current while plugins come and go.
 *
 * <p>Hand out {@link #registry()} (a facade that resolves on use), never what it returns: a plugin instance kept
 * past its plugin's life keeps its class loader alive and runs code that was meant to be gone.
 */
public interface PluginHost extends AutoCloseable {

    /** The registry this host keeps current; the same object for the host's whole life. */
    Registry registry();

    /** The plugins loaded now and what each provides, for listings. */
    List<PluginInfo> plugins();

    /** Stops watching, unloads plugins and releases threads; idempotent. */
    @Override
    void close();
}
