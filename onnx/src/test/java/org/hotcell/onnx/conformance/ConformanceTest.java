package org.hotcell.onnx.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.npy.Npy;
import org.hotcell.onnx.support.Close;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the shared ONNX conformance set (copied into test resources): the model runs through the
 * importer, the graph runner and the standard cells and activations (found through ServiceLoader) on the
 * reference backend (named: the SIMD backend is on the test class path too, and would be the default), and each
 * expected output must match to {@code |got - expected| / (1 + |expected|) <= 1e-4}. {@link
 * CompactWeightsConformanceTest} runs the same cases on the SIMD backend with its weight storages.
 */
class ConformanceTest {
    private static final double TOLERANCE = 1e-4;
    private static Registry registry;

    @BeforeAll
    static void discoverPlugins() {
        registry = PluginRegistry.discover();
    }

    static Path casesDir() throws URISyntaxException {
        return Path.of(ConformanceTest.class.getResource("/conformance/cases").toURI());
    }

    static Stream<Path> cases() throws IOException, URISyntaxException {
        try (Stream<Path> list = Files.list(casesDir())) {
            return list.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    /** The .npy files of a folder, by name without extension. */
    static Map<String, Tensor> npyFiles(Path dir) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return tensors;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".npy")).sorted().toList()) {
                String name = file.getFileName().toString();
                tensors.put(name.substring(0, name.length() - 4), Npy.read(file));
            }
        }
        return tensors;
    }

    @Test
    void theWholeSetIsThere() throws Exception {
        assertThat(cases().toList()).hasSize(54);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseMatchesTheSpecification(Path dir) throws IOException {
        OnnxModel model = OnnxModel.load(dir.resolve("model.onnx"));
        Map<String, Tensor> expected = npyFiles(dir.resolve("expected"));
        Map<String, Tensor> got = model.run(npyFiles(dir.resolve("inputs")), registry, registry.backend("reference"));
        assertThat(expected).isNotEmpty();
        for (Map.Entry<String, Tensor> output : expected.entrySet()) {
            assertThat(got).containsKey(output.getKey());
            Close.assertClose(dir.getFileName() + " " + output.getKey(), got.get(output.getKey()), output.getValue(),
                    TOLERANCE);
        }
        assertThat(List.copyOf(got.keySet())).containsAll(expected.keySet());
    }
}
