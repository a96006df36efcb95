package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.npy.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hotcell onnx run MODEL --inputs DIR --outputs DIR} on conformance cases (copied into test resources):
 * the exact interface the project is checked through.
 */
class OnnxCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static Path caseDir(String name) throws URISyntaxException {
        return Path.of(OnnxCommandTest.class.getResource("/onnx/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"case_013_rnn", "case_015_lstm", "case_020_lstm"})
    void writesEveryOutputAsFloat32MatchingTheExpectedValues(String name, @TempDir Path out) throws Exception {
        Path dir = caseDir(name);
        int status = Main.run("onnx", "run", dir.resolve("model.onnx").toString(),
                "--inputs", dir.resolve("inputs").toString(), "--outputs", out.resolve("new").toString());
        assertThat(status).as(console.err()).isZero();
        List<Path> expected;
        try (Stream<Path> files = Files.list(dir.resolve("expected"))) {
            expected = files.sorted().toList();
        }
        assertThat(expected).isNotEmpty();
        for (Path file : expected) {
            Tensor want = Npy.read(file);
            Tensor got = Npy.read(out.resolve("new").resolve(file.getFileName()));
            assertThat(got.type()).isEqualTo(ElementType.FLOAT);
            assertThat(got.shape()).isEqualTo(want.shape());
            for (int i = 0; i < want.size(); i++) {
                double error = Math.abs(got.get(i) - want.get(i)) / (1 + Math.abs(want.get(i)));
                assertThat(error).as(name + " " + file.getFileName() + " element " + i).isLessThanOrEqualTo(1e-4);
            }
        }
    }

    @Test
    void anOptionalInputWithoutAFileIsLeftEmpty(@TempDir Path tmp) throws Exception {
        Path dir = caseDir("case_015_lstm");
        Path inputs = Files.createDirectories(tmp.resolve("in"));
        for (String file : List.of("X.npy", "sequence_lens.npy", "initial_h.npy")) {
            Files.copy(dir.resolve("inputs").resolve(file), inputs.resolve(file));
        }
        int status = Main.run("onnx", "run", dir.resolve("model.onnx").toString(), "--inputs", inputs.toString(),
                "--outputs", tmp.resolve("out").toString());
        assertThat(status).as(console.err()).isZero();
        Tensor yc = Npy.read(tmp.resolve("out").resolve("Y_c.npy"));
        assertThat(yc.shape()).isEqualTo(Npy.read(dir.resolve("expected").resolve("Y_c.npy")).shape());
    }

    @Test
    void aMissingRequiredInputFailsNamingTheNode(@TempDir Path tmp) throws IOException, URISyntaxException {
        Path dir = caseDir("case_013_rnn");
        int status = Main.run("onnx", "run", dir.resolve("model.onnx").toString(),
                "--inputs", Files.createDirectories(tmp.resolve("empty")).toString(),
                "--outputs", tmp.resolve("out").toString());
        assertThat(status).isEqualTo(1);
        assertThat(console.err()).contains("(RNN)").contains("required input X")
                .contains("HC-BAD-MODEL");
    }

    @Test
    void aCorruptModelFileIsAClearError(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("broken.onnx");
        Files.write(model, new byte[] {0x3a, 0x7f, 0x01});
        int status = Main.run("onnx", "run", model.toString(), "--inputs", tmp.toString(), "--outputs",
                tmp.resolve("out").toString());
        assertThat(status).isEqualTo(1);
        assertThat(console.err()).contains("broken.onnx").contains("truncated");
    }
}
