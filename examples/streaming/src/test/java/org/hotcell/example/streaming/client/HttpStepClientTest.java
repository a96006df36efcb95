package org.hotcell.example.streaming.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HttpStepClientTest {

    @Test
    void sendsOneStepOfOneStreamAsTheApiAsksAndReadsTheOutputs() throws Exception {
        List<String> seen = new ArrayList<>();
        StepClient echoTwice = (id, reading) -> {
            seen.add(id + ":" + reading.length);
            float[] out = new float[reading.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = 2 * reading[i];
            }
            return out;
        };
        try (ApiStandIn server = ApiStandIn.serve("sensors", echoTwice)) {
            HttpStepClient client = new HttpStepClient(server.base(), "sensors");
            float[] reading = {0.1f, -1.25f, 3e-8f, 7f};
            assertThat(client.step("pump 7", reading)).containsExactly(0.2f, -2.5f, 6e-8f, 14f);
            assertThat(client.step("pump-8", new float[] {1f})).containsExactly(2f);
            assertThat(seen).containsExactly("pump 7:4", "pump-8:1");
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void theRequestBodyIsNByIAndFloatsRoundTrip() {
        assertThat(HttpStepClient.body(new float[] {0.1f, -2f})).isEqualTo("{\"inputs\":[[0.1,-2.0]]}");
        assertThat(HttpStepClient.outputs("{\"outputs\": [[0.1, -2.0, 1e-3]]}", URI.create("http://x/")))
                .containsExactly(0.1f, -2f, 1e-3f);
    }

    @Test
    void aRefusalCarriesTheStatusAndTheServersMessage() throws Exception {
        try (ApiStandIn server = ApiStandIn.serve("sensors", (id, r) -> r)) {
            HttpStepClient client = new HttpStepClient(server.base(), "no-such-model");
            assertThatThrownBy(() -> client.step("s", new float[] {1f}))
                    .isInstanceOf(StreamingException.class)
                    .hasMessageContaining("/api/models/no-such-model/streams/s/step")
                    .hasMessageContaining("404")
                    .hasMessageContaining("no model 'no-such-model'");
        }
    }

    @Test
    void malformedAnswersAreNamed() {
        URI uri = URI.create("http://127.0.0.1:1/api/models/m/streams/s/step");
        assertThatThrownBy(() -> HttpStepClient.outputs("{\"result\": 1}", uri))
                .isInstanceOf(StreamingException.class).hasMessageContaining("without an \"outputs\" array");
        assertThatThrownBy(() -> HttpStepClient.outputs("{\"outputs\": [[\"x\"]]}", uri))
                .isInstanceOf(StreamingException.class).hasMessageContaining("non-number");
        assertThatThrownBy(() -> HttpStepClient.outputs("{not json", uri))
                .isInstanceOf(StreamingException.class).hasMessageContaining("unreadable JSON");
    }

    @Test
    void anUnreachableServerIsNamed() {
        // Port 1 on loopback: nothing listens there.
        HttpStepClient client = new HttpStepClient(URI.create("http://127.0.0.1:1"), "sensors");
        assertThatThrownBy(() -> client.step("s", new float[] {1f}))
                .isInstanceOf(StreamingException.class).hasMessageContaining("failed");
    }
}
