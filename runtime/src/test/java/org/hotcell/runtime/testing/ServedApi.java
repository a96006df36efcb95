package org.hotcell.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.hotcell.runtime.http.HttpApi;
import org.hotcell.runtime.models.BackendChoice;
import org.hotcell.runtime.models.HostedModels;
import org.hotcell.runtime.osgi.FelixHost;
import org.hotcell.runtime.osgi.FelixOptions;
import org.hotcell.runtime.trust.TrustPolicy;

/**
 * The HTTP API as `hotcell run` serves it, for ITs: a real Felix with the build's bundles, seeded RNN models (last
 * step readout) and the API on a free loopback port. Closing stops all three.
 *
 * @param host   the plugin host
 * @param hosted the models
 * @param api    the HTTP API
 */
public record ServedApi(FelixHost host, HostedModels hosted, HttpApi api) implements AutoCloseable {

    /** Serves one model per entry: model name to the activation of its RNN. */
    public static ServedApi start(Path plugins, Path models, Map<String, String> activations) throws IOException {
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        FelixHost host = FelixHost.start(FelixOptions.fromBuild(plugins, TrustPolicy.allowAll())
                .withPoll(Duration.ofMillis(100)));
        for (Map.Entry<String, String> model : activations.entrySet()) {
            ModelFixtures.writeSpec(models, model.getKey(), ModelFixtures.rnnSpec(model.getValue(), "last_step"));
        }
        HostedModels hosted = HostedModels.start(host.registry(), models, BackendChoice.AUTO, Duration.ofMillis(100));
        return new ServedApi(host, hosted, HttpApi.start(host, hosted, 0));
    }

    @Override
    public void close() {
        api.close();
        hosted.close();
        host.close();
    }
}
