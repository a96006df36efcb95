package org.hotcell.backend.simd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hotcell.core.backend.PackedMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The packed layout float for float ({@link PanelLayoutCheck}), at this JVM's vector width and at the others. */
class PanelMatrixTest {

    static Stream<Arguments> shapes() {
        return Stream.of(PanelLayoutCheck.SHAPES).map(s -> Arguments.of(s[0], s[1], s[2]));
    }

    @ParameterizedTest(name = "rows={0} cols={1} extra={2}")
    @MethodSource("shapes")
    void packingFromRowsAndFromColumnsLaysOutEveryPanel(int rows, int cols, int extra) {
        PanelLayoutCheck.check(rows, cols, extra);
    }

    /**
     * The species is fixed per JVM, so the other widths run in a child JVM: 128 and 512 bits pack float by float
     * where 256 bits use the in-register transpose, and must not even build its 8-lane shuffles.
     */
    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {128, 512})
    void otherVectorWidthsLayOutTheSamePanels(int bits) throws IOException, InterruptedException {
        String classPath = String.join(java.io.File.pathSeparator, location(PanelMatrix.class),
                location(PanelLayoutCheck.class), location(PackedMatrix.class));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-Dhotcell.simd.bits=" + bits, "-cp", classPath, PanelLayoutCheck.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("layout ok at " + bits / 32 + " lanes");
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
