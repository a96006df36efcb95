package org.hotcell.runtime.cli;

import java.io.PrintWriter;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.ProviderKind;
import org.hotcell.core.registry.Registry;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hotcell backends}: the compute backends installed, best first, and which one is in use. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the compute backends, highest rank first, and the one chosen by default.")
public final class BackendsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Registry registry = PluginRegistry.discover();
        PrintWriter out = spec.commandLine().getOut();
        Backend chosen = registry.defaultBackend();
        out.printf("%-3s %-10s %5s  %-34s %s%n", "", "name", "rank", "origin", "description");
        for (Backend backend : registry.backends()) {
            out.printf("%-3s %-10s %5d  %-34s %s%n", backend == chosen ? "*" : "", backend.name(), backend.rank(),
                    registry.origin(ProviderKind.BACKEND, backend.name()).orElse("?"), backend.describe());
        }
        out.println("in use: " + chosen.name());
        out.flush();
    }
}
