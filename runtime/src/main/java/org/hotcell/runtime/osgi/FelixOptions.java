package org.hotcell.runtime.osgi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.hotcell.runtime.trust.TrustPolicy;

/**
 * How to start the embedded framework.
 *
 * @param pluginsDir      the directory FileInstall watches (jars only)
 * @param standardBundles bundle jars installed and started at start-up (the build's plugins)
 * @param fileInstallJar  the Apache Felix FileInstall bundle
 * @param poll            how often FileInstall looks at the directory
 * @param trust           which plugin jars may load
 */
public record FelixOptions(Path pluginsDir, List<Path> standardBundles, Path fileInstallJar, Duration poll,
                           TrustPolicy trust) {

    public FelixOptions {
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        standardBundles = List.copyOf(standardBundles);
        Objects.requireNonNull(fileInstallJar, "fileInstallJar");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(trust, "trust");
    }

    /** The defaults from the build next to this runtime (see {@link RuntimeFiles}), polling every second. */
    public static FelixOptions fromBuild(Path pluginsDir, TrustPolicy trust) {
        RuntimeFiles files = RuntimeFiles.locate();
        return new FelixOptions(pluginsDir, files.standardBundles(), files.fileInstall(), Duration.ofSeconds(1), trust);
    }

    /** The same options with another poll interval. */
    public FelixOptions withPoll(Duration newPoll) {
        return new FelixOptions(pluginsDir, standardBundles, fileInstallJar, newPoll, trust);
    }
}
