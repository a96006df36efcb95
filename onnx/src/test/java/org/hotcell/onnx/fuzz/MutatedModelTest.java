package org.hotcell.onnx.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.support.RandomRecurrentModels;

/**
 * Damaged models: valid random recurrent models with their bytes truncated, flipped, overwritten or with
 * varints stretched. Loading and running each with the original inputs either works or throws a
 * {@link HotcellException}: never another exception, an error such as OutOfMemoryError, or a hang (each run
 * is bounded by a timeout).
 */
class MutatedModelTest {
    private static final Registry REGISTRY = PluginRegistry.discover();

    /** One damage to apply: which base model, what kind, where and with which byte. */
    record Mutation(long seed, int kind, int position, int value, int length) {
        byte[] apply(byte[] model) {
            int at = Math.floorMod(position, model.length);
            byte[] out = model.clone();
            switch (kind) {
                case 0 -> out = java.util.Arrays.copyOf(model, at);
                case 1 -> out[at] = (byte) value;
                case 2 -> out[at] ^= (byte) (1 << (value & 7));
                case 3 -> {
                    // A varint that never ends within the next bytes, or one that claims a huge length.
                    for (int k = at; k < Math.min(out.length, at + length); k++) {
                        out[k] = (byte) 0xff;
                    }
                }
                default -> {
                    for (int k = 0; k < length; k++) {
                        int p = Math.floorMod(position + k * 7919, out.length);
                        out[p] = (byte) (value + k);
                    }
                }
            }
            return out;
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.longs().between(0, 15), Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(1, 12))
                .as(Mutation::new);
    }

    @Property(tries = 1000)
    void damagedModelsFailOnlyWithHotcellException(@ForAll("mutations") Mutation mutation) {
        RandomRecurrentModels.Case base = RandomRecurrentModels.random(mutation.seed(), false);
        byte[] damaged = mutation.apply(base.model());
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                Map<String, Tensor> out = OnnxModel.read(damaged, "damaged.onnx").run(base.feeds(), REGISTRY);
                assertThat(out).isNotNull();
            } catch (HotcellException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }, () -> "hang on " + mutation + " of " + base);
    }

    /**
     * Damages this test once found: a byte of a hard_sigmoid beta made it 1e16-odd, whose two kinks are the same
     * double, and building the activation threw IllegalArgumentException instead of running.
     */
    @Example
    void foundDamagesStayFixed() {
        damagedModelsFailOnlyWithHotcellException(new Mutation(11, 1, 162165, 90, 1));
        damagedModelsFailOnlyWithHotcellException(new Mutation(11, 2, 162165, 94, 5));
    }

    @Property(tries = 30)
    void undamagedRandomModelsRun(@ForAll("mutations") Mutation mutation) {
        RandomRecurrentModels.Case base = RandomRecurrentModels.random(mutation.seed() + 100, false);
        Map<String, Tensor> out = OnnxModel.read(base.model(), base.description()).run(base.feeds(), REGISTRY);
        assertThat(out.keySet()).containsExactlyElementsOf(base.outputs());
    }
}
