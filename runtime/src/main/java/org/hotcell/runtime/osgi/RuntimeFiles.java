package org.hotcell.runtime.osgi;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.hotcell.core.error.HotcellException;

/**
 * Finds the jars the runtime installs into Felix: the standard plugin bundles in {@code lib/} (the launcher's
 * module path, copied there by the build) and FileInstall in {@code felix/}, both next to the runtime's jar
 * ({@code runtime/target}). The system property {@code hotcell.runtime.dir} overrides that directory.
 */
public record RuntimeFiles(Path lib, Path felix) {
    /** Bundles from lib/ that run inside Felix; the rest of lib/ (core, model, SLF4J) is host code. */
    static final Set<String> STANDARD_BUNDLES = Set.of("org.hotcell.activations", "org.hotcell.cells",
            "org.hotcell.backend.simd", "org.hotcell.onnx", "com.google.protobuf");

    /** Locates the directories from the property or from where this class was loaded. */
    public static RuntimeFiles locate() {
        String property = System.getProperty("hotcell.runtime.dir");
        Path base;
        if (property != null) {
            base = Path.of(property);
        } else {
            try {
                // runtime/target/hotcell-runtime.jar or runtime/target/classes: either way the parent is target/.
                base = Path.of(RuntimeFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .getParent();
            } catch (URISyntaxException | RuntimeException e) {
                throw new HotcellException("HC-RUNTIME", "cannot tell where the runtime was loaded from; set "
                        + "-Dhotcell.runtime.dir to the directory holding lib/ and felix/: " + e);
            }
        }
        return new RuntimeFiles(base.resolve("lib"), base.resolve("felix"));
    }

    /** The standard plugin bundles in lib/, by Bundle-SymbolicName. */
    public List<Path> standardBundles() {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                if (STANDARD_BUNDLES.contains(symbolicName(jar))) {
                    found.add(jar);
                }
            }
        } catch (IOException e) {
            throw new HotcellException("HC-RUNTIME", "cannot list the standard bundles in " + lib
                    + " (run './hotcell build'): " + e);
        }
        return found;
    }

    /** The FileInstall bundle in felix/. */
    public Path fileInstall() {
        try (Stream<Path> jars = Files.list(felix)) {
            return jars.filter(p -> p.getFileName().toString().startsWith("org.apache.felix.fileinstall"))
                    .findFirst().orElseThrow(() -> new HotcellException("HC-RUNTIME", "no FileInstall bundle in "
                            + felix + " (run './hotcell build')"));
        } catch (IOException e) {
            throw new HotcellException("HC-RUNTIME", "cannot list " + felix + " (run './hotcell build'): " + e);
        }
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null ? "" : name.split(";")[0].trim();
        }
    }
}
