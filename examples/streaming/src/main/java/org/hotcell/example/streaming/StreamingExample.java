package org.hotcell.example.streaming;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.example.streaming.client.HttpStepClient;
import org.hotcell.example.streaming.client.LocalStepClient;
import org.hotcell.example.streaming.client.StepClient;
import org.hotcell.example.streaming.data.AnomalyKind;
import org.hotcell.example.streaming.data.NextValueTask;
import org.hotcell.example.streaming.data.Scenario;
import org.hotcell.example.streaming.data.StreamGenerator;
import org.hotcell.example.streaming.detect.Detection;
import org.hotcell.example.streaming.train.PredictorTraining;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.train.TrainingResult;

/**
 * The example's command line.
 *
 * <pre>
 * train  --models DIR [--name sensors] [--steps 600] [--hidden 24] [--seed 1]
 *        trains the predictor on normal streams and saves it as DIR/NAME
 * detect --url http://127.0.0.1:7391 [--name sensors] [--streams 16] [--length 300] [--faults 3] [--seed 2]
 *        [--quantile 0.995]
 *        steps streams through the runtime serving the model, prints precision and recall
 * local  --models DIR [same options as detect]
 *        the same, with the model loaded in this JVM instead of served
 * </pre>
 *
 * The last two lines of {@code detect} and {@code local} are {@code precision=<p>} and {@code recall=<r>}.
 */
public final class StreamingExample {

    private StreamingExample() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (HotcellException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
    }

    /** Runs one command; returns the exit status. */
    static int run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0) {
            throw new InvalidSpecException("usage: train|detect|local [options]; see the README");
        }
        Map<String, String> options = options(args);
        String name = options.getOrDefault("name", "sensors");
        StreamGenerator generator = StreamGenerator.standard();
        PluginRegistry registry = PluginRegistry.discover();
        switch (args[0]) {
            case "train" -> {
                Path models = Path.of(required(options, "models"));
                PredictorTraining base = PredictorTraining.standard(number(options, "seed", 1));
                PredictorTraining training = new PredictorTraining(base.layers(),
                        (int) number(options, "hidden", base.hidden()), (int) number(options, "steps", base.steps()),
                        base.batchSize(), base.learningRate(), base.seed());
                NextValueTask task = new NextValueTask(generator, 60);
                out.println("training: " + training + " on " + task.describe());
                TrainingResult result = training.train(task, registry, null);
                out.printf(Locale.ROOT, "test mse: %.5f before, %.5f after (noise alone: %.5f)%n",
                        result.before().mse(), result.test().mse(), generator.noise() * generator.noise());
                out.println("saved:    " + PredictorTraining.save(result.model(), models, name));
                return 0;
            }
            case "detect", "local" -> {
                StepClient client;
                if (args[0].equals("detect")) {
                    client = new HttpStepClient(URI.create(required(options, "url")), name);
                } else {
                    Model model = ModelFiles.load(Path.of(required(options, "models")).resolve(name), registry);
                    client = new LocalStepClient(Network.build(model, registry::cellType, registry,
                            registry.defaultBackend()));
                }
                Scenario scenario = new Scenario(generator, (int) number(options, "normal-streams", 8),
                        (int) number(options, "streams", 16), (int) number(options, "length", 300),
                        (int) number(options, "faults", 3), number(options, "seed", 2));
                Detection detection = Detection.run(client, scenario.normal(), scenario.anomalous(),
                        generator.warmup(), Double.parseDouble(options.getOrDefault("quantile", "0.995")));
                print(detection, out);
                return 0;
            }
            default -> throw new InvalidSpecException("command '" + args[0] + "' is not one of train, detect, local");
        }
    }

    static void print(Detection d, PrintStream out) {
        out.printf(Locale.ROOT, "threshold:  %.3f (standardized error; sigma per sensor %s)%n",
                d.calibration().threshold(), Arrays.toString(d.calibration().sigma()));
        out.printf(Locale.ROOT, "steps:      %d scored, %d anomalous (base rate %.3f), %d flagged%n",
                d.steps().total(), d.steps().truePositives() + d.steps().falseNegatives(), d.steps().baseRate(),
                d.steps().truePositives() + d.steps().falsePositives());
        for (AnomalyKind kind : AnomalyKind.values()) {
            out.printf(Locale.ROOT, "faults:     %-11s %d of %d flagged at least once%n",
                    kind.name().toLowerCase(Locale.ROOT), d.detected().get(kind), d.injected().get(kind));
        }
        out.printf(Locale.ROOT, "precision=%.4f%n", d.steps().precision());
        out.printf(Locale.ROOT, "recall=%.4f%n", d.steps().recall());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new InvalidSpecException("option '" + args[i] + "' must be --name value");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new InvalidSpecException("this command needs --" + key);
        }
        return value;
    }

    private static long number(Map<String, String> options, String key, long fallback) {
        String value = options.get(key);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidSpecException("--" + key + " must be a whole number, got '" + value + "'");
        }
    }
}
