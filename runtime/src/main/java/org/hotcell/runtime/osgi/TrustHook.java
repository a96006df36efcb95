package org.hotcell.runtime.osgi;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hotcell.runtime.trust.TrustPolicy;
import org.hotcell.runtime.trust.Verdict;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps untrusted plugin jars from running: each bundle installed or updated from the plugins directory is checked
 * against the {@link TrustPolicy} when it arrives (one log line names the file and the reason for a refusal), and
 * a refused bundle gets no match for any of its requirements, so it cannot resolve and none of its classes load. It stays INSTALLED and
 * visible in listings, which says plainly that it is there and refused.
 */
final class TrustHook implements ResolverHookFactory, SynchronousBundleListener {
    private static final Logger LOG = LoggerFactory.getLogger(TrustHook.class);

    private final TrustPolicy policy;
    private final Path pluginsDir;
    private final Map<Long, Verdict> verdicts = new ConcurrentHashMap<>();

    TrustHook(TrustPolicy policy, Path pluginsDir) {
        this.policy = policy;
        this.pluginsDir = pluginsDir.toAbsolutePath().normalize();
    }

    /** The verdict on a bundle from the plugins directory, or null for any other bundle. */
    Verdict verdict(long bundleId) {
        return verdicts.get(bundleId);
    }

    /** Whether a bundle from the plugins directory was refused. */
    boolean refused(Bundle bundle) {
        Verdict verdict = bundle == null ? null : verdicts.get(bundle.getBundleId());
        return verdict != null && !verdict.trusted();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> {
                Path jar = pluginJar(bundle.getLocation());
                if (jar == null) {
                    return;
                }
                Verdict verdict = policy.check(jar);
                verdicts.put(bundle.getBundleId(), verdict);
                if (!verdict.trusted()) {
                    LOG.warn("refused plugin {}: {}", jar, verdict.reason());
                } else if (policy.restricts()) {
                    LOG.info("trusted plugin {}: {}", jar, verdict.reason());
                }
            }
            case BundleEvent.UNINSTALLED -> verdicts.remove(bundle.getBundleId());
            default -> {
                // Other transitions do not change what the bundle's bytes are.
            }
        }
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                // Not used to refuse: Felix 7 then also stops resolved bundles' capabilities from matching, so
                // every other plugin resolving alongside would fail too. filterMatches refuses instead.
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                                                  Collection<BundleCapability> collisionCandidates) {
                // Singletons are not a trust question.
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // A refused bundle gets nothing it asks for (not even the host's packages), so it cannot resolve.
                // A bundle that asks for nothing at all may resolve, but cannot then run code: an activator needs
                // org.osgi.framework, a Hotcell provider needs org.hotcell.core, and the extender skips it.
                if (refused(requirement.getRevision().getBundle())) {
                    candidates.clear();
                }
            }

            @Override
            public void end() {
            }
        };
    }

    private Path pluginJar(String location) {
        try {
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            path = path.toAbsolutePath().normalize();
            return path.startsWith(pluginsDir) ? path : null;
        } catch (RuntimeException notAPath) {
            return null;
        }
    }
}
