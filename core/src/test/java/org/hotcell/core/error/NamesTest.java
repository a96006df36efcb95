package org.hotcell.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void keysIgnoreCaseAndSeparators() {
        assertThat(Names.key("LeakyRelu")).isEqualTo(Names.key("leaky_relu"));
        assertThat(Names.key("Thresholded-Relu")).isEqualTo("thresholdedrelu");
    }

    @Test
    void closestFindsTyposButNotStrangers() {
        List<String> known = List.of("sigmoid", "tanh", "relu", "leaky_relu", "softplus");
        assertThat(Names.closest("sigmiod", known)).contains("sigmoid");
        assertThat(Names.closest("LeakyReLU", known)).contains("leaky_relu");
        assertThat(Names.closest("tahn", known)).contains("tanh");
        assertThat(Names.closest("quantum_foam", known)).isEmpty();
        assertThat(Names.closest("x", List.of())).isEmpty();
    }

    @Test
    void unknownNameMessagesListWhatIsKnown() {
        UnknownActivationException e = new UnknownActivationException("sigmiod", List.of("tanh", "sigmoid"));
        assertThat(e.getMessage()).isEqualTo("unknown activation 'sigmiod'; did you mean 'sigmoid'?; known: sigmoid, tanh");
        assertThat(e.code()).isEqualTo("HC-UNKNOWN-ACTIVATION");
        assertThat(e.closest()).contains("sigmoid");
        assertThat(new UnknownBackendException("simd", List.of()).getMessage())
                .isEqualTo("unknown backend 'simd'; no backend is installed");
    }
}
