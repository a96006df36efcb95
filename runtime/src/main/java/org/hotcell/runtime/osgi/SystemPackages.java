package org.hotcell.runtime.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The host packages the system bundle exports on top of the JDK's ({@code org.osgi.framework.system.packages.extra};
 * the JDK list itself, {@code org.osgi.framework.system.packages}, is never overridden): the core API and SLF4J,
 * whose classes live in the host (the boot layer, or the class path), so that every bundle shares the host's
 * copy and a plugin's {@code ActivationFactory} is the host's {@code ActivationFactory}.
 */
final class SystemPackages {
    /** The packages of hotcell-core that plugins compile against (its module exports). */
    static final List<String> CORE = List.of("org.hotcell.core.activation", "org.hotcell.core.backend",
            "org.hotcell.core.cell", "org.hotcell.core.error", "org.hotcell.core.registry");
    static final List<String> SLF4J = List.of("org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi");
    /** The Vector API module's package; Felix derives the JDK list from its own table, which lacks incubators. */
    static final String VECTOR = "jdk.incubator.vector";

    private SystemPackages() {
    }

    /** The value for {@code org.osgi.framework.system.packages.extra}. */
    static String extra() {
        List<String> entries = new ArrayList<>();
        String core = osgiVersion(hotcellVersion());
        CORE.forEach(p -> entries.add(p + ";version=" + core));
        SLF4J.forEach(p -> entries.add(p + ";version=" + osgiVersion(slf4jVersion())));
        if (ModuleLayer.boot().findModule(VECTOR).isPresent()) {
            entries.add(VECTOR);
        }
        return String.join(",", entries);
    }

    /** {@code 0.1.0-SNAPSHOT} -> {@code 0.1.0}: the numeric part, which import ranges compare. */
    static String osgiVersion(String mavenVersion) {
        String numeric = mavenVersion.split("[-_]")[0];
        String[] parts = numeric.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String part = i < parts.length && parts[i].matches("\\d+") ? parts[i] : "0";
            out.append(i == 0 ? "" : ".").append(part);
        }
        return out.toString();
    }

    private static String hotcellVersion() {
        try (InputStream in = SystemPackages.class.getResourceAsStream("/hotcell-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "0.1.0");
        } catch (IOException e) {
            return "0.1.0";
        }
    }

    private static String slf4jVersion() {
        Package slf4j = org.slf4j.LoggerFactory.class.getPackage();
        String version = slf4j == null ? null : slf4j.getImplementationVersion();
        if (version == null) {
            version = org.slf4j.LoggerFactory.class.getModule().getDescriptor() == null ? null
                    : org.slf4j.LoggerFactory.class.getModule().getDescriptor().rawVersion().orElse(null);
        }
        return version == null ? "2.0.0" : version;
    }
}
