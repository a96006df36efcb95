package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void helpListsTheRoleOptions() {
        assertThat(Main.run("train", "--help")).isZero();
        assertThat(console.out()).contains("--gate", "--candidate", "--output", "--task",
                "--bptt", "--save");
    }

    @Test
    void aTinyRunEndsWithTestMseAndSavesTheModelAndTheStepLog(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.hc");
        Path log = dir.resolve("steps.csv");
        assertThat(Main.run("train", "--task", "adding", "--length", "6", "--hidden", "4", "--steps", "12",
                "--batch", "4", "--test-size", "16", "--candidate", "leaky_relu(alpha=0.1)", "--quiet",
                "--save", model.toString(), "--log", log.toString())).isZero();
        List<String> lines = console.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("test_mse=[0-9.E-]+");
        assertThat(lines).anyMatch(line -> line.contains("candidate=leaky_relu(alpha=0.1)"));
        assertThat(Files.readAllLines(log)).hasSize(13).first().asString()
                .isEqualTo("step,loss,grad_norm,grad_norm_layers_0,grad_norm_head,max_abs_h,max_abs_c");
        assertThat(model.resolve("model.json")).exists();
        assertThat(model.resolve("weights.safetensors")).exists();
    }

    @Test
    void evaluatingASavedModelGivesTheTestMseTrainingPrinted(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.hc");
        assertThat(Main.run("train", "--task", "adding", "--length", "5", "--hidden", "3", "--steps", "4",
                "--batch", "2", "--test-size", "8", "--seed", "7", "--quiet", "--save", model.toString())).isZero();
        List<String> trained = console.out().lines().toList();
        console.clear();
        assertThat(Main.run("evaluate", "--model", model.toString(), "--task", "adding", "--length", "5",
                "--test-size", "8", "--seed", "7")).isZero();
        List<String> evaluated = console.out().lines().toList();
        assertThat(evaluated.get(evaluated.size() - 1)).isEqualTo(trained.get(trained.size() - 1));
    }

    /**
     * {@code evaluate --weights bf16}: the same model with bf16 weights on the SIMD backend scores close to, but
     * not exactly, what fp32 scores; the reference backend, which stores fp32 only, is refused by name.
     */
    @Test
    void evaluatingWithBf16WeightsScoresCloseToFp32(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.hc");
        assertThat(Main.run("train", "--task", "adding", "--length", "8", "--hidden", "16", "--steps", "30",
                "--batch", "4", "--test-size", "64", "--seed", "3", "--quiet", "--save", model.toString())).isZero();
        console.clear();
        assertThat(Main.run("evaluate", "--model", model.toString(), "--task", "adding", "--length", "8",
                "--test-size", "64", "--seed", "3", "--backend", "simd")).isZero();
        double fp32 = testMse(console.out());
        console.clear();
        assertThat(Main.run("evaluate", "--model", model.toString(), "--task", "adding", "--length", "8",
                "--test-size", "64", "--seed", "3", "--backend", "simd", "--weights", "bf16")).isZero();
        double bf16 = testMse(console.out());
        assertThat(bf16).isNotEqualTo(fp32).isCloseTo(fp32, org.assertj.core.api.Assertions.withinPercentage(5));
        console.clear();
        assertThat(Main.run("evaluate", "--model", model.toString(), "--task", "adding", "--length", "8",
                "--backend", "reference", "--weights", "int8")).isEqualTo(1);
        assertThat(console.err()).contains("--weights int8: backend 'reference' stores weights as fp32 only");
    }

    private static double testMse(String out) {
        List<String> lines = out.lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("test_mse=");
        return Double.parseDouble(last.substring("test_mse=".length()));
    }

    @Test
    void evaluatingAModelWhoseActivationIsMissingNamesLayerAndRole(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.hc");
        assertThat(Main.run("train", "--task", "adding", "--length", "5", "--hidden", "3", "--steps", "1",
                "--batch", "2", "--test-size", "2", "--gate", "sigmoid", "--quiet", "--save", model.toString()))
                .isZero();
        Path spec = model.resolve("model.json");
        Files.writeString(spec, Files.readString(spec).replace("\"gate\" : \"sigmoid\"", "\"gate\" : \"my_gate\""));
        assertThat(Main.run("evaluate", "--model", model.toString(), "--length", "5")).isEqualTo(1);
        assertThat(console.err()).contains("layer 0 (lstm) role 'gate' needs activation "
                + "'my_gate', which no installed plugin serves").contains("HC-PLUGIN-UNAVAILABLE");
    }

    @Test
    void theCopyTaskAlsoReportsAccuracy() {
        assertThat(Main.run("train", "--task", "copy", "--length", "2", "--cell", "gru", "--hidden", "4",
                "--steps", "3", "--batch", "2", "--test-size", "4", "--quiet")).isZero();
        List<String> lines = console.out().lines().toList();
        assertThat(lines.get(lines.size() - 2)).startsWith("test_accuracy=");
        assertThat(lines.get(lines.size() - 1)).startsWith("test_mse=");
    }

    @Test
    void sizesBeyondOneArrayOrTheHeapAreNamedNotCrashedOn() {
        // Issue 19: --hidden 2147483647 threw NegativeArraySizeException, --hidden 100000 OutOfMemoryError.
        assertThat(Main.run("train", "--hidden", "2147483647", "--steps", "1")).isEqualTo(1);
        assertThat(console.err()).contains("error: --hidden = 2147483647 makes a weight matrix")
                .contains("more than one Java array holds").contains("[HC-TOO-LARGE]");
        console.clear();
        assertThat(Main.run("train", "--hidden", "100000", "--steps", "1")).isEqualTo(1);
        assertThat(console.err()).contains("error: --hidden = 100000").contains("[HC-TOO-LARGE]");
        console.clear();
        assertThat(Main.run("train", "--hidden", "20000", "--steps", "1")).isEqualTo(1);
        assertThat(console.err()).contains("error: --hidden = 20000 gives")
                .contains("more than the JVM's maximum heap of").contains("[HC-TOO-LARGE]");
        console.clear();
        // A long sequence is what training keeps per step: named with the heap too.
        assertThat(Main.run("train", "--length", "100000000", "--hidden", "8", "--steps", "1")).isEqualTo(1);
        assertThat(console.err()).contains("of kept activations").contains("[HC-TOO-LARGE]");
    }

    @Test
    void countsBelowOneAreNamedWithTheirFlag() {
        // Issue 19: --threads 0 printed a stack trace and --bptt 0 was accepted.
        for (String flag : List.of("--threads", "--bptt", "--steps", "--batch", "--layers", "--length", "--workers",
                "--test-size")) {
            console.clear();
            String[] args = flag.equals("--steps") ? new String[] {"train", flag, "0"}
                    : new String[] {"train", flag, "0", "--steps", "1"};
            assertThat(Main.run(args)).as(flag).isEqualTo(1);
            assertThat(console.err()).as(flag).contains("error: " + flag)
                    .contains("must be at least 1, got 0").contains("[HC-INVALID-SPEC]").doesNotContain("\tat ");
        }
    }

    @Test
    void otherCommandsNameTheirBadValuesToo() {
        assertThat(Main.run("study", "--threads", "-1", "--quiet")).isEqualTo(1);
        assertThat(console.err())
                .contains("error: --threads must be 0 (one run per available processor) or more, got -1");
        console.clear();
        assertThat(Main.run("run", "--port", "99999")).isEqualTo(2);
        assertThat(console.err()).contains("--port must be in 0..65535").doesNotContain("\tat ");
    }

    @Test
    void aRoleTheCellLacksIsNamed() {
        assertThat(Main.run("train", "--cell", "rnn", "--candidate", "relu", "--steps", "1")).isEqualTo(1);
        assertThat(console.err())
                .contains("--candidate: cell type 'rnn' has no role 'candidate'; its roles are [activation]");
    }

    @Test
    void onnxExportWritesAModelOrRefusesBeforeTraining(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.onnx");
        assertThat(Main.run("train", "--task", "sine", "--length", "8", "--hidden", "3", "--steps", "2",
                "--batch", "2", "--test-size", "2", "--quiet", "--onnx", file.toString())).isZero();
        assertThat(Files.size(file)).isGreaterThan(100);
        console.clear();
        assertThat(Main.run("train", "--task", "sine", "--length", "8", "--hidden", "3", "--steps", "2",
                "--candidate", "silu", "--quiet", "--onnx", dir.resolve("no.onnx").toString())).isEqualTo(1);
        assertThat(console.err()).contains("role 'candidate' uses activation 'silu(beta=1");
        assertThat(console.out()).doesNotContain("time:");
        assertThat(dir.resolve("no.onnx")).doesNotExist();
    }

    @Test
    void anUnknownTaskIsNamedWithTheKnownOnes() {
        assertThat(Main.run("train", "--task", "sorting")).isEqualTo(1);
        assertThat(console.err()).contains("unknown task 'sorting'; known: adding, copy, sine");
    }
}
