package org.hotcell.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.hotcell.runtime.osgi.FelixHost;
import org.hotcell.runtime.osgi.FelixOptions;
import org.hotcell.runtime.trust.TrustPolicy;

/** The embedded Felix as {@code hotcell run} starts it, with the build's bundles, on a test's plugins directory. */
public final class FelixHosts {
    private FelixHosts() {
    }

    /**
     * Makes {@code plugins} writable by its owner only, as {@code hotcell run} wants it, and starts Felix watching it
     * every {@code poll}.
     */
    public static FelixHost start(Path plugins, TrustPolicy trust, Duration poll) throws IOException {
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        return FelixHost.start(FelixOptions.fromBuild(plugins, trust).withPoll(poll));
    }
}
