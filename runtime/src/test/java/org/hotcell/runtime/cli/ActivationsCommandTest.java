package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcell.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code hotcell activations} and {@code hotcell activations eval}, run through picocli with captured output. */
class ActivationsCommandTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new HotcellCommand());
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute(args)).as("exit status of %s", String.join(" ", args)).isZero();
        return out.toString();
    }

    @Test
    void theTablePutsTheCriteriaSideBySide() {
        String table = run("activations");
        assertThat(table.lines().findFirst().orElseThrow()).containsPattern(
                "name\\s+parameters\\s+range\\s+bounded\\s+monotonic\\s+zero-centred\\s+saturating\\s+smooth");
        assertThat(table).containsPattern("\\nsigmoid\\s+-\\s+\\[0, 1]\\s+yes\\s+yes\\s+no\\s+yes\\s+yes\\s*\\n");
        assertThat(table).containsPattern("\\ntanh\\s+-\\s+\\[-1, 1]\\s+yes\\s+yes\\s+yes\\s+yes\\s+yes\\s*\\n");
        assertThat(table).containsPattern("\\nrelu\\s+-\\s+\\[0, inf\\)\\s+no\\s+yes\\s+no\\s+no\\s+no\\s*\\n");
        assertThat(table).containsPattern("\\nleaky_relu\\s+alpha=0.01\\s+\\(-inf, inf\\)\\s+no\\s+yes\\s+yes\\s+no\\s+no");
        assertThat(table).containsPattern("\\nhard_sigmoid\\s+alpha=0.2, beta=0.5\\s+\\[0, 1]");
        assertThat(table).containsPattern("\\ngelu\\s+approximate=none\\s+\\[-0.16997");
        int names = PluginRegistry.discover().activationNames().size();
        assertThat(table.lines().count()).isEqualTo(names + 1);
    }

    @Test
    void jsonHasOneObjectPerActivationWithTheSameFields() {
        String json = run("activations", "--json").strip();
        assertThat(json).startsWith("[").endsWith("]");
        Matcher objects = Pattern.compile("(?m)^  \\{\"name\": \"([a-z_]+)\"").matcher(json);
        int count = 0;
        while (objects.find()) {
            count++;
        }
        assertThat(count).isEqualTo(PluginRegistry.discover().activationNames().size());
        assertThat(json).contains("{\"name\": \"sigmoid\", \"parameters\": [], \"formula\": \"1 / (1 + e^-x)\", "
                + "\"range\": \"[0, 1]\", \"min\": 0, \"max\": 1, \"bounded\": true, \"monotonic\": true, "
                + "\"zeroCentred\": false, \"saturating\": true, \"smooth\": true, \"kinks\": []}");
        assertThat(json).contains("{\"name\": \"relu\", \"parameters\": [], \"formula\": \"max(0, x)\", "
                + "\"range\": \"[0, inf)\", \"min\": 0, \"max\": null, \"bounded\": false");
        assertThat(json).contains("\"parameters\": [{\"name\": \"approximate\", \"default\": \"none\"}]");
        assertThat(json).contains("\"parameters\": [{\"name\": \"min_val\", \"default\": -1}, "
                + "{\"name\": \"max_val\", \"default\": 1}]");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(ActivationsJson.string("a \"b\" \\ c\n\u0001")).isEqualTo("\"a \\\"b\\\" \\\\ c\\n\\u0001\"");
    }

    @Test
    void evalPrintsXTheValueAndTheDerivativePerPoint() {
        String text = run("activations", "eval", "LeakyRelu(0.1)", "--x", "-1,0.5,2");
        assertThat(text.lines().toList()).containsExactly(
                "leaky_relu(alpha=0.1)",
                String.format("%16s  %16s  %16s", "x", "f(x)", "f'(x)"),
                String.format("%16s  %16s  %16s", "-1.0", "-0.1", "0.1"),
                String.format("%16s  %16s  %16s", "0.5", "0.5", "1.0"),
                String.format("%16s  %16s  %16s", "2.0", "2.0", "1.0"));
    }

    @Test
    void evalTakesInfinitiesAndNaN() {
        String text = run("activations", "eval", "tanh", "--x", "0,inf,-inf,NaN");
        assertThat(text).containsPattern("\\n\\s+0\\.0\\s+0\\.0\\s+1\\.0\\n")
                .containsPattern("\\n\\s+Infinity\\s+1\\.0\\s+0\\.0\\n")
                .containsPattern("\\n\\s+-Infinity\\s+-1\\.0\\s+0\\.0\\n")
                .containsPattern("\\n\\s+NaN\\s+NaN\\s+NaN\\n");
    }

    @Test
    void evalDefaultsToAFewPointsAroundZero() {
        assertThat(run("activations", "eval", "relu").lines().skip(2).map(String::strip).toList())
                .containsExactly("-2.0               0.0               0.0", "-1.0               0.0               0.0",
                        "0.0               0.0               1.0", "1.0               1.0               1.0",
                        "2.0               2.0               1.0");
    }

    @Test
    void badSpecsAndPointsFailNamingTheCulprit() {
        Captured unknown = Captured.run("activations", "eval", "sigmod");
        assertThat(unknown.status).isEqualTo(1);
        assertThat(unknown.err).contains("error: unknown activation 'sigmod'; did you mean 'sigmoid'?; known: affine,")
                .contains("[HC-UNKNOWN-ACTIVATION]");

        Captured badParameter = Captured.run("activations", "eval", "leaky_relu(alpha=-1)");
        assertThat(badParameter.status).isEqualTo(1);
        assertThat(badParameter.err).contains("parameter 'alpha' is -1.0, but must be a number in [0.0, inf]")
                .contains("[HC-INVALID-SPEC]");

        Captured badPoint = Captured.run("activations", "eval", "tanh", "--x", "1,abc");
        assertThat(badPoint.status).isEqualTo(2);
        assertThat(badPoint.err).contains("'abc' is not a number");
    }

    /** Main.run with System.out and System.err captured, as the launcher runs it. */
    private record Captured(int status, String out, String err) {
        static Captured run(String... args) {
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int status = Main.run(args);
                return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }
}
