package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.ReferenceRecurrence;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;

/** Laws over random cell types, sizes, options, activations, lengths and directions. */
class CellLawsProperties {

    /** A random cell and batch. */
    record Setup(CellSpec spec, Scenario scenario, long seed) {
    }

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<String> types = Arbitraries.of("lstm", "gru", "rnn");
        Arbitrary<String> acts = Arbitraries.of("sigmoid", "tanh", "softplus", "test_swish", "leaky_relu");
        Arbitrary<Integer> sizes = Arbitraries.integers().between(1, 6);
        Arbitrary<Integer> steps = Arbitraries.integers().between(1, 6);
        Arbitrary<Integer> batches = Arbitraries.integers().between(1, 4);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        Arbitrary<Float> clips = Arbitraries.of(Float.POSITIVE_INFINITY, 0.8f, 3f);
        Arbitrary<CellSpec> specs = Combinators.combine(types, sizes, sizes, acts, acts, flags, flags, clips)
                .as((type, in, hidden, a, b, flagA, flagB, clip) -> {
                    CellSpec.Builder builder = CellSpec.builder(type).inputSize(in).hiddenSize(hidden).clip(clip)
                            .bias(flagA || flagB);
                    switch (type) {
                        case "lstm" -> builder.peepholes(flagA).inputForget(flagB).activation("forget_gate", a)
                                .activation("candidate", b);
                        case "gru" -> builder.linearBeforeReset(flagA).activation("reset_gate", a)
                                .activation("candidate", b);
                        default -> builder.activation("activation", a);
                    }
                    return builder.build();
                });
        return Combinators.combine(specs, steps, batches, flags, flags, Arbitraries.longs().between(1, 1000))
                .as((spec, t, n, reverse, batchMajor, seed) -> {
                    int[] lengths = new int[n];
                    java.util.Random rnd = new java.util.Random(seed);
                    for (int i = 0; i < n; i++) {
                        lengths[i] = rnd.nextInt(t + 1);
                    }
                    return new Setup(spec, new Scenario(t, n, batchMajor ? Layout.BATCH_MAJOR : Layout.TIME_MAJOR,
                            lengths, reverse, true), seed);
                });
    }

    @Property(tries = 200)
    void forwardAgreesWithTheDoubleReference(@ForAll("setups") Setup setup) {
        CellFixture fx = new CellFixture(setup.spec(), new TestActivations(), setup.scenario(), setup.seed(), 0.6f);
        ForwardPass pass = fx.cell.forward(fx.batch(), fx.initial, setup.scenario().reverse(), false);
        ReferenceRecurrence.Output expected = fx.reference().run(fx.params());
        CellForwardTest.assertClose("y", pass.y(), expected.y());
        CellForwardTest.assertClose("last h", pass.last().h(), expected.hLast());
    }

    @Property(tries = 100)
    void steppingAFullTimeMajorBatchAgreesWithForward(@ForAll("setups") Setup setup) {
        Scenario full = new Scenario(setup.scenario().steps(), setup.scenario().batch(), Layout.TIME_MAJOR, null,
                false, true);
        CellFixture fx = new CellFixture(setup.spec(), new TestActivations(), full, setup.seed(), 0.6f);
        ForwardPass pass = fx.cell.forward(fx.batch(), fx.initial, false, false);
        CellState state = CellState.fromBytes(fx.initial.toBytes());
        for (int t = 0; t < full.steps(); t++) {
            fx.cell.step(fx.x, t * full.batch() * setup.spec().inputSize(), state);
            state = CellState.fromBytes(state.toBytes());
        }
        for (int i = 0; i < state.h().length; i++) {
            assertThat((double) state.h()[i]).isCloseTo(pass.last().h()[i], org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
