package org.hotcell.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.PluginFaultException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.runtime.testing.TestActivation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;

/** The fault guard: transparent for a sound activation, a named fault for a throwing or non-finite one. */
class GuardedActivationTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @Property(tries = 200)
    void aSoundActivationPassesThroughUnchangedScalarAndBulk(@ForAll @FloatRange(min = -50, max = 50) float x) {
        Activation tanh = REGISTRY.activation("tanh");
        Activation guarded = new GuardedActivation(tanh, "bundle test 1.0.0");
        assertThat(guarded.apply(x)).isEqualTo(tanh.apply(x));
        float[] block = {x, -x, x / 2, 0f};
        float[] expected = block.clone();
        tanh.applyInPlace(expected, 0, 4);
        guarded.applyInPlace(block, 0, 4);
        assertThat(block).containsExactly(expected);
        assertThat(guarded.spec()).isEqualTo(tanh.spec());
    }

    @Test
    void aNonFiniteOutputForAFiniteInputIsAFaultNamingTheBundleAndInput() {
        Activation guarded = new GuardedActivation(fake(x -> x > 1f ? Float.NaN : x), "bundle org.example.bad 2.0.0");
        assertThat(guarded.apply(0.5f)).isEqualTo(0.5f);
        assertThatThrownBy(() -> guarded.apply(2f)).isInstanceOf(PluginFaultException.class)
                .hasMessageContaining("bundle org.example.bad 2.0.0").hasMessageContaining("'bad'")
                .hasMessageContaining("NaN for the finite input 2.0");
        float[] src = {0f, 3f};
        assertThatThrownBy(() -> guarded.apply(src, 0, new float[2], 0, 2)).isInstanceOf(PluginFaultException.class)
                .hasMessageContaining("for the finite input 3.0");
    }

    @Test
    void aNonFiniteInputMayGiveANonFiniteOutput() {
        Activation guarded = new GuardedActivation(fake(x -> x), "bundle org.example.id 1.0.0");
        assertThat(guarded.apply(Float.POSITIVE_INFINITY)).isInfinite();
        float[] block = {Float.NaN, 1f};
        guarded.applyInPlace(block, 0, 2);
        assertThat(block[0]).isNaN();
    }

    @Test
    void anExceptionFromThePluginIsAFaultWithItsCause() {
        Activation guarded = new GuardedActivation(fake(x -> {
            throw new IllegalStateException("kaput");
        }), "bundle org.example.thrower 1.0.0");
        assertThatThrownBy(() -> guarded.apply(1f)).isInstanceOf(PluginFaultException.class)
                .hasMessageContaining("bundle org.example.thrower 1.0.0").hasMessageContaining("kaput")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    private static Activation fake(TestActivation.Function fn) {
        return new TestActivation(ActivationSpec.of("bad"), TestActivation.unbounded(false, false), fn, 1f);
    }
}
