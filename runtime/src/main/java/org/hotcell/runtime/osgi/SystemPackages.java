package org.hotcell.runtime.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.hotcell.core.registry.Registry;

/**
 * The host packages the system bundle exports on top of the JDK's ({@code org.osgi.framework.system.packages.extra};
 * the JDK list itself, {@code org.osgi.framework.system.packages}, is never overridden): the core API and SLF4J,
 * whose classes live in the host (the boot layer, or the class path), so that every bundle shares the host's
 * copy and a plugin's {@code ActivationFactory} is the host's {@code ActivationFactory}.
 *
 * <p>The core packages and their versions are read from hotcell-core's own manifest (the {@code Export-Package}
 * header bnd writes from the module's exported packages and their {@code @Version}), so the system bundle offers
 * exactly what the hotcell-core bundle would, and a package added to core is exported here without a change.
 */
final class SystemPackages {
    static final List<String> SLF4J = List.of("org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi");
    /** The Vector API module's package; Felix derives the JDK list from its own table, which lacks incubators. */
    static final String VECTOR = "jdk.incubator.vector";

    private SystemPackages() {
    }

    /** A package in an {@code Export-Package} header, and its version ({@code null} when the clause gives none). */
    record Export(String name, String version) {
        /** The clause for {@code org.osgi.framework.system.packages.extra}: {@code name;version=v}. */
        String clause() {
            return version == null ? name : name + ";version=" + version;
        }
    }

    /** The value for {@code org.osgi.framework.system.packages.extra}. */
    static String extra() {
        List<String> entries = new ArrayList<>();
        core().forEach(p -> entries.add(p.clause()));
        SLF4J.forEach(p -> entries.add(p + ";version=" + osgiVersion(slf4jVersion())));
        if (ModuleLayer.boot().findModule(VECTOR).isPresent()) {
            entries.add(VECTOR);
        }
        return String.join(",", entries);
    }

    /**
     * hotcell-core's exported packages with their versions, from the manifest of the jar (or class directory) that
     * holds its classes.
     *
     * @throws IllegalStateException when that manifest has no {@code Export-Package} header (core not built by bnd)
     */
    static List<Export> core() {
        CodeSource source = Registry.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where hotcell-core's classes come from, so cannot read "
                    + "its Export-Package header");
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("hotcell-core is loaded from " + source.getLocation()
                    + ", which is not a file or directory", e);
        }
        String header = manifest(location).getMainAttributes().getValue("Export-Package");
        if (header == null || header.isBlank()) {
            throw new IllegalStateException("the manifest of hotcell-core at " + location + " has no Export-Package "
                    + "header; build it with Maven, whose bnd-maven-plugin writes it");
        }
        return parseExportPackage(header);
    }

    /**
     * The packages of an OSGi {@code Export-Package} header: comma-separated clauses, each one or more package
     * names followed by {@code ;}-separated attributes ({@code version="1.2.0"}) and directives
     * ({@code uses:="a,b"}, whose quoted commas do not separate clauses). Directives and other attributes are
     * dropped: the system bundle needs the names and versions.
     */
    static List<Export> parseExportPackage(String header) {
        List<Export> exports = new ArrayList<>();
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            String version = null;
            for (String part : split(clause, ';')) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    names.add(part);
                    continue;
                }
                String key = part.substring(0, equals).strip();
                if (key.endsWith(":")) {
                    continue;   // a directive (name:=value)
                }
                int type = key.indexOf(':');   // a typed attribute: version:Version="1.0"
                if ((type < 0 ? key : key.substring(0, type).strip()).equals("version")) {
                    version = unquote(part.substring(equals + 1).strip());
                }
            }
            for (String name : names) {
                exports.add(new Export(name, version));
            }
        }
        return exports;
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

    private static Manifest manifest(Path location) {
        try {
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                Manifest manifest = jar.getManifest();
                return manifest == null ? new Manifest() : manifest;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of hotcell-core at " + location, e);
        }
    }

    /** Splits at {@code separator} outside double quotes; parts are stripped, empty ones dropped. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == separator && !quoted) {
                add(parts, part);
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        add(parts, part);
        return parts;
    }

    private static void add(List<String> parts, StringBuilder part) {
        String text = part.toString().strip();
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
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
