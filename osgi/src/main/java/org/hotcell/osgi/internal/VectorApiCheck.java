package org.hotcell.osgi.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once, at start, when the framework does not offer the incubating Vector API to bundles: then the SIMD
 * backend's bundle cannot resolve (the reference backend serves) and the standard activations run their scalar
 * loops. Both still work; this line is where an operator learns why they are slower.
 */
final class VectorApiCheck {
    static final String PACKAGE = "jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger("org.hotcell.osgi");

    private VectorApiCheck() {
    }

    static void warnIfMissing(BundleContext context) {
        boolean exported = systemBundleExports(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION));
        boolean inJvm = ModuleLayer.boot().findModule(PACKAGE).isPresent();
        if (exported && inJvm) {
            return;
        }
        String extra = Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA;
        String why;
        String fix;
        if (!exported && !inJvm) {
            why = "the JVM was started without it and the system bundle does not export it";
            fix = "start the JVM with --add-modules " + PACKAGE + " and add " + PACKAGE + " to " + extra;
        } else if (!exported) {
            why = "the system bundle does not export it";
            fix = "add " + PACKAGE + " to " + extra;
        } else {
            why = "the system bundle exports it but the JVM was started without it";
            fix = "start the JVM with --add-modules " + PACKAGE;
        }
        LOG.warn("the Vector API ({}) is missing: {}; so the SIMD backend (org.hotcell.backend.simd) cannot load and "
                + "the reference backend serves, and activations run their scalar loops. To use it, {}", PACKAGE, why,
                fix);
    }

    private static boolean systemBundleExports(Bundle system) {
        BundleWiring wiring = system == null ? null : system.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleCapability capability : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (PACKAGE.equals(capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }
}
