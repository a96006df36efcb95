package org.hotcell.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcell.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

class ActivationFactoryCanonicalTest {

    /** A factory declaring two parameters, as a plugin would. */
    static final ActivationFactory FACTORY = new ActivationFactory() {
        @Override
        public Set<String> names() {
            return Set.of("hard_sigmoid");
        }

        @Override
        public Map<String, String> aliases() {
            return Map.of("HardSigmoid", "hard_sigmoid");
        }

        @Override
        public List<ActivationParameter> parameters(String name) {
            return List.of(ActivationParameter.number("alpha", 0.2, 0, Double.POSITIVE_INFINITY, "slope"),
                    ActivationParameter.number("beta", 0.5, "offset"));
        }

        @Override
        public String describe(String name) {
            return "clamp(alpha*x+beta, 0, 1)";
        }

        @Override
        public Activation create(ActivationSpec canonicalSpec) {
            throw new UnsupportedOperationException("not needed here");
        }
    };

    @Test
    void positionalParametersTakeTheDeclaredOrderAndDefaultsFillTheRest() {
        ActivationSpec canonical = FACTORY.canonical(ActivationSpec.parse("HardSigmoid(0.3)"));
        assertThat(canonical).hasToString("hard_sigmoid(alpha=0.3, beta=0.5)");
    }

    @Test
    void unknownParameterIsNamedWithASuggestionAndTheValidOnes() {
        assertThatThrownBy(() -> FACTORY.canonical(ActivationSpec.parse("hard_sigmoid(alpah=1)")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("activation 'hard_sigmoid(alpah=1.0)': unknown parameter 'alpah'; did you mean 'alpha'?"
                        + " (parameters: alpha=0.2, beta=0.5)");
    }

    @Test
    void outOfRangeValueNamesTheRange() {
        assertThatThrownBy(() -> FACTORY.canonical(ActivationSpec.parse("hard_sigmoid(alpha=-1)")))
                .hasMessage("activation 'hard_sigmoid(alpha=-1.0)': parameter 'alpha' is -1.0, but must be a number in [0.0, inf]");
    }

    @Test
    void wordWhereANumberIsNeededIsRejected() {
        assertThatThrownBy(() -> FACTORY.canonical(ActivationSpec.parse("hard_sigmoid(beta=big)")))
                .hasMessageContaining("parameter 'beta' is big, but must be any number");
    }

    @Test
    void tooManyPositionalParametersAndDoubleGivenAreRejected() {
        assertThatThrownBy(() -> FACTORY.canonical(ActivationSpec.parse("hard_sigmoid(1, 2, 3)")))
                .hasMessageContaining("has 3 positional parameters; hard_sigmoid takes at most 2");
        assertThatThrownBy(() -> FACTORY.canonical(ActivationSpec.parse("hard_sigmoid(1, alpha=2)")))
                .hasMessageContaining("parameter 'alpha' is given both by position and by name");
    }
}
