package org.hotcell.runtime.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.hotcell.core.backend.WeightStorage;
import org.hotcell.runtime.guice.HotcellConfig;
import org.hotcell.runtime.guice.HotcellModule;
import org.hotcell.runtime.http.HttpApi;
import org.hotcell.runtime.models.ModelService;
import org.hotcell.runtime.osgi.FelixHost;
import org.hotcell.runtime.osgi.FelixOptions;
import org.hotcell.runtime.plain.LayerHost;
import org.hotcell.runtime.plugin.PluginHost;
import org.hotcell.runtime.streams.StreamSettings;
import org.hotcell.runtime.trust.PluginDirectory;
import org.hotcell.runtime.trust.TrustPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Guice;
import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code hotcell run}: hosts plugins and models and serves the HTTP API until stopped (Ctrl-C). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Starts the plugin host (embedded Apache Felix with FileInstall, or module layers with --plain),",
                "hosts the models in --models and serves the HTTP API on 127.0.0.1 until stopped."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugin jars to load and watch (only *.jar files; "
            + "sub-directories are ignored), created when missing. Default: ${DEFAULT-VALUE}.")
    Path plugins = Path.of("plugins");

    @Option(names = "--models", paramLabel = "DIR", description = "Model specs (*.json with a \"seed\") and saved "
            + "model directories to host, created when missing. Default: ${DEFAULT-VALUE}.")
    Path models = Path.of("models");

    @Option(names = "--port", paramLabel = "N", description = "HTTP port on 127.0.0.1; 0 picks a free one. "
            + "Default: ${DEFAULT-VALUE}.")
    int port = 7391;

    @Option(names = "--trust", paramLabel = "FILE", description = "Load only plugin jars whose SHA-256 is listed in "
            + "FILE or that are signed by a certificate in it (PEM).")
    Path trust;

    @Option(names = "--force", description = "Accept a plugins directory that group or others can write to.")
    boolean force;

    @Option(names = "--plain", description = "No OSGi: the module path plus one module layer per plugin jar.")
    boolean plain;

    @Option(names = "--allow-override", paramLabel = "PLUGIN", description = "Let this plugin (bundle symbolic name "
            + "or module name) serve a name another plugin serves already; repeatable. Without it such a plugin's "
            + "provider is refused, with a warning naming both.")
    java.util.Set<String> allowOverride = new java.util.TreeSet<>();

    @Mixin
    private BackendOption backend = new BackendOption();

    @Mixin
    private WeightsOption weights = new WeightsOption();

    @Option(names = "--poll-ms", paramLabel = "MS", description = "How often the directories are checked. "
            + "Default: ${DEFAULT-VALUE}.")
    long pollMillis = 1000;

    @Option(names = "--state", paramLabel = "DIR", description = "Where stream state is persisted (one H2 MVStore "
            + "file, streams.mv.db), created when missing. Default: ${DEFAULT-VALUE}.")
    Path state = Path.of("state");

    @Option(names = "--max-streams", paramLabel = "N", description = "Most streams kept, all models together; a new "
            + "one beyond it gets 429. Default: ${DEFAULT-VALUE}.")
    int maxStreams = StreamSettings.DEFAULT_MAX_STREAMS;

    @Option(names = "--stream-idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A stream unused this long is removed (e.g. 90s, 30m, 24h, 7d). Default: 24h.")
    Duration streamIdleTimeout = StreamSettings.DEFAULT_IDLE_TIMEOUT;

    /** Reads {@code --stream-idle-timeout}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return StreamSettings.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be in 0..65535 (0 picks a free port), got "
                    + port);
        }
        StreamSettings streams;
        try {
            streams = new StreamSettings(state, maxStreams, streamIdleTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path pluginsDir = PluginDirectory.prepare(plugins, force);
        TrustPolicy policy = (trust == null ? TrustPolicy.allowAll() : TrustPolicy.read(trust))
                .allowingOverridesBy(allowOverride);
        Duration poll = Duration.ofMillis(Math.max(10, pollMillis));
        HotcellConfig config = new HotcellConfig(pluginsDir, models.toAbsolutePath().normalize(), port,
                backend.choice().withWeights(weights.storage()), poll, streams);
        PluginHost host = plain ? LayerHost.start(pluginsDir, policy, poll)
                : FelixHost.start(FelixOptions.fromBuild(pluginsDir, policy).withPoll(poll));
        Injector injector = Guice.createInjector(new HotcellModule(config, host));
        ModelService modelService = injector.getInstance(ModelService.class);
        HttpApi api = HttpApi.start(host, modelService, config.port());
        LOG.info("hotcell running: plugins {} ({}), models {}, backend {}, http://127.0.0.1:{}/api/", pluginsDir,
                plain ? "module layers" : "OSGi", config.modelsDir(), host.registry().defaultBackend().name()
                        + (config.backend().weights() == WeightStorage.FP32 ? ""
                                : ", " + config.backend().weights().spelling() + " weights"),
                api.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            if (modelService instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("closing models: {}", e.toString());
                }
            }
            host.close();
            stopped.countDown();
        }, "hotcell-shutdown"));
        stopped.await();
        return 0;
    }
}
