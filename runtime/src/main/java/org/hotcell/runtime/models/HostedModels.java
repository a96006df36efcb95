package org.hotcell.runtime.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.Names;
import org.hotcell.core.error.PluginFaultException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.core.registry.ProviderKind;
import org.hotcell.core.registry.Registry;
import org.hotcell.core.registry.RegistryEvent;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.io.ModelSpecJson;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.net.NetworkPass;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSize;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.runtime.streams.HostedStreams;
import org.hotcell.runtime.streams.StateShape;
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
 */
public final class HostedModels implements ModelService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostedModels.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Registry registry;
    private final Path directory;
    private final BackendChoice backend;
    private final Map<String, Hosted> models = new ConcurrentHashMap<>();
    private final Map<Path, String> stamps = new ConcurrentHashMap<>();
    /** The bundle or module that last provided each activation name (by {@link Names#key}). */
    private final Map<String, String> lastOrigins = new ConcurrentHashMap<>();
    private final HostedStreams streams;
    private final ScheduledExecutorService poller;
    private final Registry.Subscription subscription;

    /** A model read from the directory, and what it is bound to now. */
    private static final class Hosted {
        final String name;
        final Path source;
        final ModelSpec spec;           // null when the files could not be read
        final HotcellException readError;
        volatile Model model;           // data only: spec and weights, never plugin objects
        volatile Bound bound;

        Hosted(String name, Path source, ModelSpec spec, HotcellException readError) {
            this.name = name;
            this.source = source;
            this.spec = spec;
            this.readError = readError;
        }
    }

    /**
     * A network ready to compute, or why there is none.
     *
     * @param shape the layer sizes of its stream state; null when unbound or when the plugins failed to tell
     */
    private record Bound(Network network, HotcellException error, String plugins, StateShape shape) {
        Bound(HotcellException error) {
            this(null, error, "", null);
        }
    }

    private HostedModels(Registry registry, Path directory, BackendChoice backend, Duration poll,
                         StreamSettings streamSettings) throws IOException {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.directory = directory.toAbsolutePath().normalize();
        this.backend = Objects.requireNonNull(backend, "backend");
        this.streams = HostedStreams.open(streamSettings, this::shapeOf);
        this.subscription = registry.subscribe(this::registryChanged);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hotcell-models-" + this.directory.getFileName());
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
        List<ModelStatus> list = new ArrayList<>();
        for (String name : new TreeSet<>(models.keySet())) {
            Hosted h = models.get(name);
            if (h == null) {
                continue;
            }
            Bound b = h.bound;
            String error = b == null || b.network != null ? null : b.error.getMessage();
            list.add(new ModelStatus(name, h.source.toString(), b != null && b.network != null, error,
                    h.spec == null ? 0 : h.spec.inputSize(), h.spec == null ? 0 : h.spec.head().outputs(),
                    h.spec == null ? null : h.spec.head().readout().text()));
        }
        return list;
    }

    @Override
    public Outputs infer(String model, Batch inputs) {
        Hosted h = require(model);
        Bound b = boundOrThrow(h);
        float[] out = compute(h, b, () -> b.network.predict(sequences(inputs)));
        int n = inputs.batch();
        int o = h.spec.head().outputs();
        if (h.spec.head().readout() == Readout.PER_STEP) {
            // The network answers time-major [T, N, O]; the API speaks batch-major [N, T, O].
            int t = inputs.steps();
            float[] batchMajor = new float[out.length];
            for (int step = 0; step < t; step++) {
                for (int item = 0; item < n; item++) {
                    System.arraycopy(out, (step * n + item) * o, batchMajor, (item * t + step) * o, o);
                }
            }
            return new Outputs(batchMajor, new int[] {n, t, o});
        }
        return new Outputs(out, new int[] {n, o});
    }

    @Override
    public Outputs step(String model, String stream, Batch inputs) {
        if (inputs.steps() != 1) {
            throw new ShapeMismatchException("a streaming step takes one step per item (N x I), got T="
                    + inputs.steps());
        }
        Hosted h = require(model);
        NetworkPass pass = streams.step(model, stream, inputs.batch(), states -> {
            Bound b = boundOrThrow(h);
            return computePass(h, b, () -> b.network.forward(sequences(inputs), states, false));
        });
        return new Outputs(pass.output(), new int[] {inputs.batch(), h.spec.head().outputs()});
    }

    /** Reads the directory again now (the poller does this on its own too). */
    public void scan() throws IOException {
        Map<Path, String> seen = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.sorted().toList()) {
                String stamp = stamp(entry);
                if (stamp != null) {
                    seen.put(entry, stamp);
                }
            }
        }
        for (Path gone : new ArrayList<>(stamps.keySet())) {
            if (!seen.containsKey(gone)) {
                stamps.remove(gone);
                String name = nameOf(gone);
                models.remove(name);
                LOG.info("model {} removed ({} is gone); its streams are kept until they idle out or the model "
                        + "returns with other layer sizes", name, gone.getFileName());
            }
        }
        seen.forEach((path, stamp) -> {
            if (!stamp.equals(stamps.get(path))) {
                stamps.put(path, stamp);
                load(path);
            }
        });
    }

    @Override
    public void close() {
        poller.shutdownNow();
        subscription.close();
        models.clear();
        streams.close();
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the models directory {}: {}", directory, e.toString());
        }
    }

    private void registryChanged(RegistryEvent event) {
        if (event.change() == RegistryEvent.Change.REMOVED && event.kind() == ProviderKind.ACTIVATION) {
            event.names().forEach(name -> lastOrigins.put(Names.key(name), event.origin()));
        }
        models.values().forEach(this::bind);
    }

    private void load(Path path) {
        String name = nameOf(path);
        Hosted hosted;
        try {
            Path specFile = Files.isDirectory(path) ? path.resolve(ModelFiles.SPEC) : path;
            ModelSpec spec = ModelSpecJson.read(Files.readString(specFile, StandardCharsets.UTF_8), specFile.toString());
            hosted = new Hosted(name, path, spec, null);
        } catch (IOException e) {
            hosted = new Hosted(name, path, null, new BadModelException("cannot read model " + path + ": " + e));
        } catch (HotcellException e) {
            hosted = new Hosted(name, path, null, e);
        }
        // Bound before it is listed, so that no listing shows it half-made; bound again once listed, so that a
        // registry change that came in between (and did not see it) is not missed.
        bind(hosted);
        models.put(name, hosted);
        bind(hosted);
        Bound b = hosted.bound;
        if (b.network != null) {
            LOG.info("model {} ready from {} ({})", name, path.getFileName(), b.plugins);
        } else {
            LOG.warn("model {} unavailable: {}", name, b.error.getMessage());
        }
    }

    /** Binds a model to the plugins installed now; the last binding to finish reflects the latest registry. */
    private void bind(Hosted h) {
        synchronized (h) {
            Bound previous = h.bound;
            h.bound = tryBind(h);
            if (h.bound.shape != null) {
                streams.modelBound(h.name, h.bound.shape);
            }
            if (previous != null && (previous.network == null) != (h.bound.network == null)) {
                if (h.bound.network != null) {
                    LOG.info("model {} available again ({})", h.name, h.bound.plugins);
                } else {
                    LOG.warn("model {} unavailable: {}", h.name, h.bound.error.getMessage());
                }
            }
        }
    }

    private Bound tryBind(Hosted h) {
        if (h.spec == null) {
            return new Bound(h.readError);
        }
        try {
            ModelFiles.checkPlugins(h.spec, registry);
            if (h.model == null) {
                h.model = materialize(h);
            }
            ActivationSource guarded = spec -> new GuardedActivation(registry.activation(spec),
                    registry.origin(ProviderKind.ACTIVATION, spec.name()).orElse("an unknown plugin"));
            Network network = Network.build(h.model, registry::cellType, guarded, backend.resolve(registry));
            return new Bound(network, null, pluginsOf(h.spec), stateShape(h, network));
        } catch (PluginUnavailableException e) {
            return new Bound(new PluginUnavailableException("model '" + h.name + "' is unavailable: "
                    + e.getMessage() + departed(h.spec), e));
        } catch (HotcellException e) {
            return new Bound(e);
        } catch (IOException e) {
            return new Bound(new BadModelException("cannot read model " + h.source + ": " + e));
        } catch (LinkageError e) {
            // A plugin's classes went away while binding (its bundle was refreshed under us); the next registry
            // change, which that refresh brings, binds again.
            return new Bound(new PluginUnavailableException("model '" + h.name + "' is unavailable: a plugin "
                    + "it uses was being replaced while the model was bound (" + e + ")", e));
        }
    }

    /**
     * The layer sizes of a network's stream state, from one step of one zero input; null when plugin code fails
     * there (the model's streams are then checked at its next binding).
     */
    private static StateShape stateShape(Hosted h, Network network) {
        int inputs = h.spec.inputSize();
        try {
            return StateShape.of(network.forward(new SequenceBatch(new float[inputs], 0, 1, 1, inputs,
                    Layout.BATCH_MAJOR, null), null, false).lastStates());
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("model {}: cannot size its stream state: {}", h.name, e.toString());
            return null;
        }
    }

    /** The layer sizes the named model's streams must have now. */
    private StateShape shapeOf(String model) {
        Hosted h = require(model);
        Bound b = boundOrThrow(h);
        if (b.shape == null) {
            throw new PluginUnavailableException("model '" + model + "': its plugins failed to compute a first step, "
                    + "so its stream state cannot be sized; retry");
        }
        return b.shape;
    }

    private Model materialize(Hosted h) throws IOException {
        if (Files.isDirectory(h.source)) {
            return ModelFiles.load(h.source, registry);
        }
        JsonNode seed = JSON.readTree(Files.readString(h.source, StandardCharsets.UTF_8)).path("seed");
        if (!seed.canConvertToLong()) {
            throw new BadModelException(h.source + " is a spec without weights: add a top-level \"seed\": <integer> "
                    + "for seeded random weights, or save a model directory (model.json + weights.safetensors)");
        }
        ModelSize.check(h.spec, registry::cellType, ModelSize.INFERENCE_COPIES, 0,
                l -> "layers[" + l + "].hidden_size in " + h.source);
        return Model.initialize(h.spec, registry::cellType, seed.asLong());
    }

    /** For each activation of the spec that no plugin serves now, the bundle that served it last. */
    private String departed(ModelSpec spec) {
        StringBuilder text = new StringBuilder();
        for (LayerSpec layer : spec.layers()) {
            for (ActivationSpec activation : layer.activations().values()) {
                String origin = lastOrigins.get(Names.key(activation.name()));
                if (registry.activationFactory(activation.name()).isEmpty() && origin != null
                        && text.indexOf("'" + activation.name() + "'") < 0) {
                    text.append("; activation '").append(activation.name()).append("' was provided by ")
                            .append(origin).append(", which is gone");
                }
            }
        }
        return text.toString();
    }

    private String pluginsOf(ModelSpec spec) {
        TreeSet<String> origins = new TreeSet<>();
        for (LayerSpec layer : spec.layers()) {
            registry.origin(ProviderKind.CELL_TYPE, layer.cellType()).ifPresent(origins::add);
            for (ActivationSpec activation : layer.activations().values()) {
                registry.origin(ProviderKind.ACTIVATION, activation.name()).ifPresent(origins::add);
            }
        }
        return "plugins: " + String.join(", ", origins);
    }

    private Hosted require(String name) {
        Hosted h = models.get(name);
        if (h == null) {
            throw new ModelNotFoundException(name, new ArrayList<>(new TreeSet<>(models.keySet())));
        }
        return h;
    }

    private static Bound boundOrThrow(Hosted h) {
        Bound b = h.bound;
        if (b == null || b.network == null) {
            throw b == null ? new PluginUnavailableException("model '" + h.name + "' is still being bound") : b.error;
        }
        return b;
    }

    private interface Computation<T> {
        T run();
    }

    private float[] compute(Hosted h, Bound b, Computation<float[]> work) {
        return computePass(h, b, work);
    }

    /**
     * Runs plugin code: Hotcell errors pass through; anything else is a fault of the plugins in use, or, when the
     * model was re-bound meanwhile (a plugin was swapped under the request), the documented unavailability.
     */
    private static <T> T computePass(Hosted h, Bound b, Computation<T> work) {
        try {
            return work.run();
        } catch (HotcellException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            if (h.bound != b) {
                throw new PluginUnavailableException("model '" + h.name + "': a plugin it uses was replaced during "
                        + "the request (" + e + "); retry", e);
            }
            throw new PluginFaultException("model '" + h.name + "' failed in plugin code (" + b.plugins + "): " + e, e);
        }
    }

    private static SequenceBatch sequences(Batch inputs) {
        return new SequenceBatch(inputs.data(), 0, inputs.steps(), inputs.batch(), inputs.features(),
                Layout.BATCH_MAJOR, null);
    }

    private static String nameOf(Path path) {
        String file = path.getFileName().toString();
        if (file.endsWith(".json")) {
            return file.substring(0, file.length() - ".json".length());
        }
        return file.endsWith(".hc") ? file.substring(0, file.length() - ".hc".length()) : file;
    }

    /** A change stamp for a model entry, or null when the entry is not a model. */
    private static String stamp(Path entry) throws IOException {
        if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".json")) {
            return Files.getLastModifiedTime(entry) + "/" + Files.size(entry);
        }
        Path spec = entry.resolve(ModelFiles.SPEC);
        Path weights = entry.resolve(ModelFiles.WEIGHTS);
        if (Files.isDirectory(entry) && Files.isRegularFile(spec) && Files.isRegularFile(weights)) {
            return Files.getLastModifiedTime(spec) + "/" + Files.size(spec) + "/" + Files.getLastModifiedTime(weights)
                    + "/" + Files.size(weights);
        }
        return null;
    }
}
