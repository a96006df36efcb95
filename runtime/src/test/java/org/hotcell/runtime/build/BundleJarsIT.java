package org.hotcell.runtime.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Hotcell jar is at once a JPMS module and an OSGi bundle, and both say the same thing: the bundle's
 * symbolic name is the module name and its exported packages are the module's unqualified exports.
 *
 * <p>It checks the jars the runtime ships (its own and every Hotcell jar in target/lib, which is the
 * launcher's module path and the set of bundles the runtime installs), and every jar already built by a
 * reactor module that has a bnd.bnd, so that no module can silently lose either face.
 */
class BundleJarsIT {
    private static final Path MODULE_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path ROOT = MODULE_DIR.getParent();

    static List<Path> hotcellJars() throws IOException {
        Set<Path> jars = new TreeSet<>();
        try (Stream<Path> own = Files.list(MODULE_DIR.resolve("target"))) {
            own.filter(BundleJarsIT::isHotcellJar).forEach(jars::add);
        }
        try (Stream<Path> lib = Files.list(MODULE_DIR.resolve("target/lib"))) {
            lib.filter(BundleJarsIT::isHotcellJar).forEach(jars::add);
        }
        for (String module : reactorModules()) {
            Path dir = ROOT.resolve(module);
            if (Files.exists(dir.resolve("bnd.bnd")) && Files.isDirectory(dir.resolve("target"))) {
                try (Stream<Path> built = Files.list(dir.resolve("target"))) {
                    built.filter(BundleJarsIT::isHotcellJar).forEach(jars::add);
                }
            }
        }
        return new ArrayList<>(jars);
    }

    @Test
    void theRuntimeAndCoreJarsAreAmongThoseChecked() throws IOException {
        List<String> names = hotcellJars().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).anyMatch(n -> n.startsWith("hotcell-core-")).anyMatch(n -> n.startsWith("hotcell-runtime-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hotcellJars")
    void jarIsAModuleAndABundleThatAgree(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("module-info.class")).as("%s has module-info.class", jar.getFileName()).isNotNull();
            ModuleDescriptor descriptor;
            try (InputStream in = file.getInputStream(file.getEntry("module-info.class"))) {
                descriptor = ModuleDescriptor.read(in);
            }
            Attributes manifest = file.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Bundle-ManifestVersion")).as("Bundle-ManifestVersion of %s", jar).isEqualTo("2");
            assertThat(manifest.getValue("Bundle-Version")).as("Bundle-Version of %s", jar).isNotBlank();
            String symbolicName = manifest.getValue("Bundle-SymbolicName");
            assertThat(symbolicName).as("Bundle-SymbolicName of %s", jar).isNotNull();
            assertThat(symbolicName.split(";")[0].trim()).as("Bundle-SymbolicName of %s", jar)
                    .isEqualTo(descriptor.name());

            Set<String> moduleExports = descriptor.exports().stream().filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
            assertThat(exportedPackages(manifest.getValue("Export-Package")))
                    .as("OSGi Export-Package of %s against its module-info exports", jar)
                    .isEqualTo(moduleExports);
        }
    }

    /** The package names of an Export-Package header, ignoring attributes and directives. */
    static Set<String> exportedPackages(String header) {
        Set<String> packages = new TreeSet<>();
        if (header == null || header.isBlank()) {
            return packages;
        }
        // Clauses are separated by commas outside quotes; the package is the part before the first ';'.
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char ch : (header + ",").toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                packages.add(clause.toString().split(";")[0].trim());
                clause.setLength(0);
            } else {
                clause.append(ch);
            }
        }
        return packages;
    }

    private static boolean isHotcellJar(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith("hotcell-") && name.endsWith(".jar") && !name.endsWith("-tests.jar")
                && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.equals("hotcell-bench.jar");
    }

    private static List<String> reactorModules() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        List<String> modules = new ArrayList<>();
        Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (matcher.find()) {
            modules.add(matcher.group(1).trim());
        }
        return modules;
    }
}
