package org.hotcell.runtime.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hotcell.core.registry.Registry;
import org.hotcell.core.registry.RegistryEvent;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.io.ModelSpecJson;
import org.hotcell.runtime.streams.HostedStreams;
import org.hotcell.runtime.streams.StreamSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelService} over a models directory. Each {@code NAME.json} there is a model spec (the training
 * format, see {@link ModelSpecJson}) that must ask for seeded random weights with a top-level {@code "seed"}; each
 * directory holding {@code model.json} and {@code weights.safetensors} ({@link ModelFiles}) is a saved model named
 * after the directory without {@code .hc}.
 *
 * <p>Models are read at start and again when their files change (the directory is polled), and re-bound to
 * plugins on every registry change: a model whose activation or cell type went away is unavailable, with an
 * error naming what is missing and the bundle that provided it; it comes back when a plugin serves it again.
 * A bound model holds the plugin objects it computes with only until the next registry change, which replaces
 * it on the thread that made the change (for OSGi, before the departing bundle finishes stopping).
 *
 * <p>This class puts together the parts that do each job: the directory ({@code ModelDirectory}) and reading its
 * entries ({@code ModelReader}), the listing ({@code ModelCatalog}), the plugins a model uses ({@code ModelPlugins}),
 * binding ({@code ModelBinder}) and computing ({@code Predictions}).
 */
public final class HostedModels implements ModelService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostedModels.class);

    private final ModelDirectory directory;
    private final ModelCatalog catalog = new ModelCatalog();
    private final ModelPlugins plugins;
    private final HostedStreams streams;
    private final ModelBinder binder;
    private final Predictions predictions;
    private final ScheduledExecutorService poller;
    private final Registry.Subscription subscription;

    private HostedModels(Registry registry, Path directory, BackendChoice backend, Duration poll,
                         StreamSettings streamSettings) throws IOException {
        Objects.requireNonNull(registry, "registry");
        this.directory = new ModelDirectory(directory.toAbsolutePath().normalize());
        Objects.requireNonNull(backend, "backend");
        this.plugins = new ModelPlugins(registry);
        this.streams = HostedStreams.open(streamSettings, catalog::stateShape);
        this.binder = new ModelBinder(registry, backend, plugins, streams);
        this.predictions = new Predictions(catalog, streams);
        this.subscription = registry.subscribe(this::registryChanged);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hotcell-models-" + this.directory.path().getFileName());
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::scanQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads every model in {@code directory} (created when missing), binds it, and keeps watching; streams are kept
     * in memory only, with the default limits ({@link StreamSettings#inMemory()}).
     *
     * @param poll how often the directory is checked for changed model files
     */
    public static HostedModels start(Registry registry, Path directory, BackendChoice backend, Duration poll)
            throws IOException {
        return start(registry, directory, backend, poll, StreamSettings.inMemory());
    }

    /**
     * Reads every model in {@code directory} (created when missing), binds it, and keeps watching; streams are kept
     * as {@code streamSettings} say (persisted in its state directory, when it names one).
     *
     * @param poll how often the directory is checked for changed model files
     */
    public static HostedModels start(Registry registry, Path directory, BackendChoice backend, Duration poll,
                                     StreamSettings streamSettings) throws IOException {
        Files.createDirectories(directory);
        HostedModels hosted = new HostedModels(registry, directory, backend, poll, streamSettings);
        try {
            hosted.scan();
        } catch (IOException | RuntimeException e) {
            hosted.close();
            throw e;
        }
        return hosted;
    }

    @Override
    public HostedStreams streams() {
        return streams;
    }

    @Override
    public List<ModelStatus> models() {
        return catalog.statuses();
    }

    @Override
    public Outputs infer(String model, InputBatch inputs) {
        return predictions.infer(model, inputs);
    }

    @Override
    public Outputs step(String model, String stream, InputBatch inputs) {
        return predictions.step(model, stream, inputs);
    }

    /** Reads the directory again now (the poller does this on its own too). */
    public void scan() throws IOException {
        directory.scan(gone -> {
            String name = ModelDirectory.nameOf(gone);
            catalog.remove(name);
            LOG.info("model {} removed ({} is gone); its streams are kept until they idle out or the model "
                    + "returns with other layer sizes", name, gone.getFileName());
        }, this::load);
    }

    @Override
    public void close() {
        poller.shutdownNow();
        subscription.close();
        catalog.clear();
        streams.close();
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the models directory {}: {}", directory.path(), e.toString());
        }
    }

    private void registryChanged(RegistryEvent event) {
        plugins.registryChanged(event);
        catalog.all().forEach(binder::bind);
    }

    private void load(Path path) {
        HostedModel model = ModelReader.read(ModelDirectory.nameOf(path), path);
        // Bound before it is listed, so that no listing shows it half-made; bound again once listed, so that a
        // registry change that came in between (and did not see it) is not missed.
        binder.bind(model);
        catalog.put(model);
        binder.bind(model);
        Binding b = model.binding;
        if (b.available()) {
            LOG.info("model {} ready from {} ({})", model.name, path.getFileName(), b.plugins());
        } else {
            LOG.warn("model {} unavailable: {}", model.name, b.error().getMessage());
        }
    }
}
