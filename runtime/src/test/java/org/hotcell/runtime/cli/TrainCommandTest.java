package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void helpListsTheRoleOptions() {
        assertThat(Main.run("train", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--gate", "--candidate", "--output", "--task",
                "--bptt", "--save");
    }

    @Test
    void aTinyRunEndsWithTestMseAndSavesTheModelAndTheStepLog(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.hc");
        Path log = dir.resolve("steps.csv");
        assertThat(Main.run("train", "--task", "adding", "--length", "6", "--hidden", "4", "--steps", "12",
                "--batch", "4", "--test-size", "16", "--candidate", "leaky_relu(alpha=0.1)", "--quiet",
                "--save", model.toString(), "--log", log.toString())).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
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
        List<String> trained = out.toString(StandardCharsets.UTF_8).lines().toList();
        out.reset();
        assertThat(Main.run("evaluate", "--model", model.toString(), "--task", "adding", "--length", "5",
                "--test-size", "8", "--seed", "7")).isZero();
        List<String> evaluated = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(evaluated.get(evaluated.size() - 1)).isEqualTo(trained.get(trained.size() - 1));
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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("layer 0 (lstm) role 'gate' needs activation "
                + "'my_gate', which no installed plugin serves").contains("HC-PLUGIN-UNAVAILABLE");
    }

    @Test
    void theCopyTaskAlsoReportsAccuracy() {
        assertThat(Main.run("train", "--task", "copy", "--length", "2", "--cell", "gru", "--hidden", "4",
                "--steps", "3", "--batch", "2", "--test-size", "4", "--quiet")).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 2)).startsWith("test_accuracy=");
        assertThat(lines.get(lines.size() - 1)).startsWith("test_mse=");
    }

    @Test
    void sizesBeyondOneArrayOrTheHeapAreNamedNotCrashedOn() {
        // Issue 19: --hidden 2147483647 threw NegativeArraySizeException, --hidden 100000 OutOfMemoryError.
        assertThat(Main.run("train", "--hidden", "2147483647", "--steps", "1")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --hidden = 2147483647 makes a weight matrix")
                .contains("more than one Java array holds").contains("[HC-TOO-LARGE]");
        err.reset();
        assertThat(Main.run("train", "--hidden", "100000", "--steps", "1")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --hidden = 100000").contains("[HC-TOO-LARGE]");
        err.reset();
        assertThat(Main.run("train", "--hidden", "20000", "--steps", "1")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --hidden = 20000 gives")
                .contains("more than the JVM's maximum heap of").contains("[HC-TOO-LARGE]");
        err.reset();
        // A long sequence is what training keeps per step: named with the heap too.
        assertThat(Main.run("train", "--length", "100000000", "--hidden", "8", "--steps", "1")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("of kept activations").contains("[HC-TOO-LARGE]");
    }

    @Test
    void countsBelowOneAreNamedWithTheirFlag() {
        // Issue 19: --threads 0 printed a stack trace and --bptt 0 was accepted.
        for (String flag : List.of("--threads", "--bptt", "--steps", "--batch", "--layers", "--length", "--workers",
                "--test-size")) {
            err.reset();
            String[] args = flag.equals("--steps") ? new String[] {"train", flag, "0"}
                    : new String[] {"train", flag, "0", "--steps", "1"};
            assertThat(Main.run(args)).as(flag).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(flag).contains("error: " + flag)
                    .contains("must be at least 1, got 0").contains("[HC-INVALID-SPEC]").doesNotContain("\tat ");
        }
    }

    @Test
    void otherCommandsNameTheirBadValuesToo() {
        assertThat(Main.run("study", "--threads", "-1", "--quiet")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: --threads must be 0 (one run per available processor) or more, got -1");
        err.reset();
        assertThat(Main.run("run", "--port", "99999")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be in 0..65535").doesNotContain("\tat ");
    }

    @Test
    void aRoleTheCellLacksIsNamed() {
        assertThat(Main.run("train", "--cell", "rnn", "--candidate", "relu", "--steps", "1")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--candidate: cell type 'rnn' has no role 'candidate'; its roles are [activation]");
    }

    @Test
    void onnxExportWritesAModelOrRefusesBeforeTraining(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.onnx");
        assertThat(Main.run("train", "--task", "sine", "--length", "8", "--hidden", "3", "--steps", "2",
                "--batch", "2", "--test-size", "2", "--quiet", "--onnx", file.toString())).isZero();
        assertThat(Files.size(file)).isGreaterThan(100);
        out.reset();
        assertThat(Main.run("train", "--task", "sine", "--length", "8", "--hidden", "3", "--steps", "2",
                "--candidate", "silu", "--quiet", "--onnx", dir.resolve("no.onnx").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("role 'candidate' uses activation 'silu(beta=1");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("time:");
        assertThat(dir.resolve("no.onnx")).doesNotExist();
    }

    @Test
    void anUnknownTaskIsNamedWithTheKnownOnes() {
        assertThat(Main.run("train", "--task", "sorting")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown task 'sorting'; known: adding, copy, sine");
    }
}
