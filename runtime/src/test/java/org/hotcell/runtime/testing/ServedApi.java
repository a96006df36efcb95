package org.hotcell.runtime.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.stream.Stream;

import org.hotcell.runtime.http.HttpApi;
import org.hotcell.runtime.models.BackendChoice;
import org.hotcell.runtime.models.HostedModels;
import org.hotcell.runtime.osgi.FelixHost;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The HTTP API as `hotcell run` serves it, for ITs: a real Felix with the build's bundles, seeded RNN models (last
 * step readout) and the API on a free loopback port, in a temporary directory. Register it with
 * {@code @RegisterExtension} on a static field: it starts before the class's first test and stops, deleting the
 * directory, after its last.
 */
public final class ServedApi implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> activations;
    /** What {@link #afterAll} undoes, the last started first. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private HostedModels hosted;
    private HttpApi api;

    /** Serves one model per entry: model name to the activation of its RNN. */
    public ServedApi(Map<String, String> activations) {
        this.activations = Map.copyOf(activations);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path work = Files.createTempDirectory("hotcell-served-");
        started.push(() -> deleteTree(work));
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Path models = Files.createDirectory(work.resolve("models"));
        FelixHost host = FelixHosts.start(plugins, TrustPolicy.allowAll(), Duration.ofMillis(100));
        started.push(host);
        for (Map.Entry<String, String> model : activations.entrySet()) {
            ModelFixtures.writeSpec(models, model.getKey(), ModelFixtures.rnnSpec(model.getValue(), "last_step"));
        }
        hosted = HostedModels.start(host.registry(), models, BackendChoice.AUTO, Duration.ofMillis(100));
        started.push(hosted);
        api = HttpApi.start(host, hosted, 0);
        started.push(api);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The hosted models, to compare the API's answers with. */
    public HostedModels hosted() {
        return hosted;
    }

    /** {@code path} on the API, e.g. {@code /api/models}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    /**
     * A raw connection to the API, for what an HTTP client will not send; its reads time out after
     * {@code timeoutMillis} ms, or never when it is 0.
     */
    public Socket socket(int timeoutMillis) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port());
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }
}
