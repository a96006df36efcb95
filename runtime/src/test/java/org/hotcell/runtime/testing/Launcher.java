package org.hotcell.runtime.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line the {@code hotcell} launcher runs, for ITs that start the real CLI in a child JVM: this JVM's
 * java, the Vector API, and the module path of target/lib plus the runtime jar (not its sources or Javadoc jar).
 */
public final class Launcher {
    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");

    private Launcher() {
    }

    /** {@code java ... -m org.hotcell.runtime/org.hotcell.runtime.cli.Main} followed by {@code args}. */
    public static List<String> command(String... args) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path runtimeJar;
        try (Stream<Path> files = Files.list(TARGET)) {
            runtimeJar = files.filter(p -> p.getFileName().toString().matches("hotcell-runtime-.*\\.jar")
                    && !p.getFileName().toString().matches(".*-(sources|javadoc)\\.jar")).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED,org.hotcell.backend.simd",
                "--module-path", TARGET.resolve("lib") + File.pathSeparator + runtimeJar,
                "-m", "org.hotcell.runtime/org.hotcell.runtime.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }
}
