package org.hotcell.tck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationSpec;
import org.junit.jupiter.api.Test;

/** The factory checks pass a well-behaved factory and name what a careless one gets wrong. */
class FactoryContractTest {

    /** Serves {@code toy_softsign(scale)} with scale in [0.5, 4]; the spec it reports is canonical. */
    static class ToyFactory implements ActivationFactory {
        @Override
        public Set<String> names() {
            return Set.of("toy_softsign");
        }

        @Override
        public Map<String, String> aliases() {
            return Map.of("ToySoftsign", "toy_softsign");
        }

        @Override
        public List<ActivationParameter> parameters(String name) {
            return List.of(ActivationParameter.number("scale", 2, 0.5, 4, "the output scale"));
        }

        @Override
        public String describe(String name) {
            return "scale * x / (1 + |x|)";
        }

        @Override
        public Activation create(ActivationSpec canonicalSpec) {
            return new ToyActivation() {
                @Override
                public ActivationSpec spec() {
                    return canonicalSpec;
                }
            };
        }
    }

    @Test
    void aWellBehavedFactoryPasses() {
        FactoryContract contract = FactoryContract.of(new ToyFactory());
        assertThatCode(contract::checkAliases).doesNotThrowAnyException();
        assertThatCode(() -> contract.checkName("toy_softsign")).doesNotThrowAnyException();
    }

    @Test
    void anAliasToANameNotServedIsNamed() {
        ToyFactory wrongAlias = new ToyFactory() {
            @Override
            public Map<String, String> aliases() {
                return Map.of("Toy", "toy_softsine");
            }
        };
        assertThatThrownBy(FactoryContract.of(wrongAlias)::checkAliases)
                .hasMessageContaining("alias 'Toy' maps to 'toy_softsine', which is not among the names");
    }

    @Test
    void anActivationThatReportsAnotherSpecIsNamed() {
        ToyFactory forgetful = new ToyFactory() {
            @Override
            public Activation create(ActivationSpec canonicalSpec) {
                return new ToyActivation() {
                    @Override
                    public ActivationSpec spec() {
                        return ActivationSpec.of("toy_softsign", "scale", 3.0);
                    }
                };
            }
        };
        assertThatThrownBy(() -> FactoryContract.of(forgetful).checkName("toy_softsign"))
                .hasMessageContaining("'toy_softsign' created from toy_softsign(scale=2.0) reports spec "
                        + "toy_softsign(scale=3.0)");
    }

    @Test
    void aMissingDescriptionIsNamed() {
        ToyFactory silent = new ToyFactory() {
            @Override
            public String describe(String name) {
                return " ";
            }
        };
        assertThatThrownBy(() -> FactoryContract.of(silent).checkName("toy_softsign"))
                .hasMessageContaining("'toy_softsign' has no description");
    }
}
