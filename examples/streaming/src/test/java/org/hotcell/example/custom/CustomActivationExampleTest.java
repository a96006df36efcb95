package org.hotcell.example.custom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.tck.ActivationContract;
import org.hotcell.tck.FactoryContract;
import org.hotcell.tck.Tolerance;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code examples/custom-activation} honest inside the reactor's build, which CI runs: that example is a
 * standalone project (its own pom, outside the reactor, as a third party's would be), so nothing else compiles
 * or tests it there. Here its sources are compiled with javac as a JPMS module against hotcell-core alone, its
 * factory is loaded through the class name its {@code META-INF/services} file lists, and every activation it
 * makes is held to the TCK, with the exact bulk tolerance its README promises.
 *
 * <p>It lives in the streaming example's tests only because that is the reactor module of the examples area.
 */
class CustomActivationExampleTest {
    private static final String SERVICE = "META-INF/services/" + ActivationFactory.class.getName();

    @TempDir
    Path classes;

    @TestFactory
    Stream<DynamicNode> theThirdPartyExampleCompilesAgainstCoreAndPassesTheTck() throws Exception {
        Path example = Path.of(System.getProperty("hotcell.custom.example.dir", "../custom-activation"));
        Path sources = example.resolve("src/main/java");
        assertThat(sources.resolve("module-info.java")).content()
                .contains("provides org.hotcell.core.activation.ActivationFactory with");
        compile(sources);
        String provider = Files.readString(example.resolve("src/main/resources").resolve(SERVICE),
                StandardCharsets.UTF_8).strip();

        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        ActivationFactory factory = (ActivationFactory) loader.loadClass(provider).getConstructor().newInstance();
        PluginRegistry registry = new PluginRegistry();
        registry.add(factory, "examples/custom-activation");
        assertThat(registry.activationNames()).contains("isru", "bent_identity");

        List<DynamicNode> tests = new ArrayList<>();
        for (String spec : List.of("isru", "isru(alpha=0.001)", "isru(alpha=4)", "isru(alpha=1000)",
                "bent_identity")) {
            Activation activation = registry.activation(ActivationSpec.parse(spec));
            tests.add(ActivationContract.of(activation).bulkTolerance(Tolerance.EXACT).container());
        }
        tests.addAll(FactoryContract.of(factory).tests().toList());
        return tests.stream();
    }

    private void compile(Path sources) throws IOException, URISyntaxException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String modulePath = location(ActivationFactory.class) + File.pathSeparator + location(org.slf4j.Logger.class);
        List<String> args = new ArrayList<>(List.of("--release", "21", "--add-modules", "jdk.incubator.vector",
                "-Xlint:all,-incubating", "-Werror", "-d", classes.toString(), "--module-path", modulePath));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, args.toArray(String[]::new));
        assertThat(status).as("javac of examples/custom-activation:%n%s", messages.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
