package org.hotcell.example.streaming;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.hotcell.core.registry.Registry;
import org.hotcell.example.streaming.client.LocalStepClient;
import org.hotcell.example.streaming.data.NextValueTask;
import org.hotcell.example.streaming.data.Scenario;
import org.hotcell.example.streaming.data.StreamGenerator;
import org.hotcell.example.streaming.detect.Detection;
import org.hotcell.example.streaming.train.PredictorTraining;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example as a bundle in any OSGi container that runs Hotcell's bundles: once the {@link Registry} service
 * offers the LSTM and its activations, a background thread gets the predictor (loaded from
 * {@code hotcell.streaming.models}, else trained here for {@code hotcell.streaming.steps} steps, default 150),
 * steps every stream through it with each stream's state kept between steps ({@link LocalStepClient}), and logs
 * the detection's summary, ending with {@code hotcell-streaming: precision=...} and {@code recall=...}. The
 * properties are framework (or system) properties.
 */
public final class StreamingBundle implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger("org.hotcell.example.streaming");
    private static final String PREFIX = "hotcell-streaming: ";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ServiceTracker<Registry, Registry> tracker;
    private Thread worker;

    @Override
    public void start(BundleContext context) {
        tracker = new ServiceTracker<>(context, Registry.class, null) {
            @Override
            public Registry addingService(ServiceReference<Registry> reference) {
                Registry registry = super.addingService(reference);
                startOnce(context, registry);
                return registry;
            }
        };
        tracker.open();
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        tracker.close();
        Thread running;
        synchronized (this) {
            running = worker;
        }
        if (running != null) {
            running.interrupt();
            running.join(PATIENCE.toMillis());
        }
    }

    private synchronized void startOnce(BundleContext context, Registry registry) {
        if (registry == null || worker != null) {
            return;
        }
        worker = new Thread(() -> run(context, registry), "hotcell-streaming");
        worker.setDaemon(true);
        worker.start();
    }

    private static void run(BundleContext context, Registry registry) {
        try {
            awaitPlugins(registry);
            StreamGenerator generator = StreamGenerator.standard();
            String models = context.getProperty("hotcell.streaming.models");
            Model model;
            if (models != null) {
                model = ModelFiles.load(Path.of(models).resolve("sensors"), registry);
                LOG.info("{}loaded the predictor from {}", PREFIX, models);
            } else {
                PredictorTraining base = PredictorTraining.standard(1);
                int steps = Integer.parseInt(property(context, "hotcell.streaming.steps", "150"));
                PredictorTraining training = new PredictorTraining(base.layers(), base.hidden(), steps,
                        base.batchSize(), base.learningRate(), base.seed());
                LOG.info("{}training {} (no hotcell.streaming.models given)", PREFIX, training);
                model = training.train(new NextValueTask(generator, 60), registry, null).model();
            }
            LocalStepClient client = new LocalStepClient(Network.build(model, registry::cellType, registry,
                    registry.defaultBackend()));
            Scenario scenario = new Scenario(generator, 8, 16, 300, 3, 2);
            Detection detection = Detection.run(client, scenario.normal(), scenario.anomalous(), generator.warmup(),
                    0.995);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            StreamingExample.print(detection, new PrintStream(text, true, StandardCharsets.UTF_8));
            for (String line : text.toString(StandardCharsets.UTF_8).split("\\R")) {
                LOG.info("{}{}", PREFIX, line);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // The bundle stopped under us (a class loader gone) or the model failed: say so, and end the thread.
            LOG.warn("{}stopped: {}", PREFIX, e.toString());
        }
    }

    private static void awaitPlugins(Registry registry) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!ready(registry)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no lstm cell type, sigmoid and tanh in the registry after "
                        + PATIENCE.toSeconds() + " s; are org.hotcell.cells and org.hotcell.activations active?");
            }
            Thread.sleep(100);
        }
    }

    private static boolean ready(Registry registry) {
        return registry.cellTypes().stream().anyMatch(type -> type.name().equals("lstm"))
                && registry.activationFactory("sigmoid").isPresent() && registry.activationFactory("tanh").isPresent();
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value == null ? fallback : value;
    }
}
