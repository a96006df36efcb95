package org.hotcell.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hotcell.activations.math.VectorSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Without the Vector API the activations still load and their bulk forms run the scalar forms: checked in child
 * JVMs (class initialization decides it once, so this JVM, which has the Vector API, cannot show it), and in the
 * class files, where only the nested kernel classes may name {@code jdk.incubator.vector}.
 */
class VectorFallbackTest {
    private static final String LOG_PREFIX = "org.hotcell.activations: ";

    @TempDir
    Path output;

    @Test
    void theBuildRunsTheVectorKernels() {
        assertThat(VectorSupport.AVAILABLE).as("VectorSupport.AVAILABLE in a JVM with --add-modules "
                + "jdk.incubator.vector").isTrue();
    }

    @Test
    void withoutTheVectorModuleTheBulkFormsEqualTheScalarForms() throws Exception {
        Child child = run(List.of());
        child.assertScalarPathAgrees();
        assertThat(child.logLines()).singleElement().asString()
                .contains("jdk.incubator.vector is not available (java.lang.NoClassDefFoundError: "
                        + "jdk/incubator/vector/")
                .contains("Start the JVM with --add-modules jdk.incubator.vector");
    }

    @Test
    void theSystemPropertyTurnsTheVectorKernelsOffWhereTheModuleIsPresent() throws Exception {
        Child child = run(List.of("--add-modules", "jdk.incubator.vector", "-D" + VectorSupport.PROPERTY + "=false"));
        child.assertScalarPathAgrees();
        assertThat(child.logLines()).singleElement().asString()
                .contains("the Vector API kernels are turned off by -Dhotcell.vector=false");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classesOutsideTheKernels")
    void onlyTheNestedKernelClassesNameTheVectorApi(String classFile) throws IOException, URISyntaxException {
        byte[] bytes = Files.readAllBytes(classes().resolve(classFile));
        // Every type a class refers to is a UTF-8 entry of its constant pool, spelled with slashes.
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("jdk/incubator/vector/");
    }

    /** Every class of the plugin but VectorMath, the activations' nested Lanes and VectorSupport's probe. */
    static Stream<String> classesOutsideTheKernels() throws IOException, URISyntaxException {
        Path classes = classes();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.endsWith("/VectorMath.class") && !name.endsWith("$Lanes.class")
                            && !name.endsWith("/VectorSupport$Probe.class") && !name.equals("module-info.class"))
                    .sorted()
                    .forEach(names::add);
        }
        // The 19 activation classes, the factory and the math helpers at least: an empty list would prove nothing.
        assertThat(names).hasSizeGreaterThan(20);
        return names.stream();
    }

    private static Path classes() throws URISyntaxException {
        return Path.of(VectorSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private Child run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScalarFallbackCheck.class.getName()));
        Path stdout = Files.createTempFile(output, "stdout", ".txt");
        Path stderr = Files.createTempFile(output, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        // Options from the environment could add the module back (or print noise); the child gets only ours.
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 60 s: " + command);
        }
        return new Child(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private record Child(int exitCode, String stdout, String stderr) {

        void assertScalarPathAgrees() {
            String described = "child JVM, exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
            assertThat(exitCode).as(described).isZero();
            assertThat(stdout.lines()).as(described).contains(ScalarFallbackCheck.AVAILABLE + "false")
                    .anyMatch(line -> line.startsWith(ScalarFallbackCheck.AGREE));
        }

        /** VectorSupport's lines, logged to stderr by slf4j-simple. */
        List<String> logLines() {
            return stderr.lines().filter(line -> line.contains(LOG_PREFIX)).toList();
        }
    }
}
