package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;

import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.Layout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The time loop allocates nothing: a forward pass over many steps allocates only the arrays it returns and its
 * workspaces (all sized before the loop), and a streaming step allocates nothing once warm. Measured with the
 * JVM's per-thread allocation counter.
 */
class AllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Stream<CellSpec> specs() {
        return Stream.of(CellSpec.builder("lstm").inputSize(3).hiddenSize(4).peepholes(true).clip(2f).build(),
                CellSpec.builder("gru").inputSize(3).hiddenSize(4).build(),
                CellSpec.builder("gru").inputSize(3).hiddenSize(4).linearBeforeReset(true).build(),
                CellSpec.builder("rnn").inputSize(3).hiddenSize(4).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void streamingStepsAllocateNothingOnceWarm(CellSpec spec) {
        CellFixture fx = new CellFixture(spec, new TestActivations(), Scenario.plain(2, 2), 1, 0.5f);
        CellState state = fx.cell.zeroState(2);
        for (int i = 0; i < 20_000; i++) {
            fx.cell.step(fx.x, 0, state);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            fx.cell.step(fx.x, (i & 1) * 2 * spec.inputSize(), state);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        // The smallest Java object is 16 bytes, so any per-step allocation would show as 160,000 bytes or more;
        // a bound below one byte per step leaves room for the JVM's own one-off allocations (JIT, deoptimisation).
        assertThat(allocated).as("bytes allocated by 10,000 steps").isLessThan(10_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void forwardAllocatesTheSameWhateverTheLengthBeyondItsOutputs(CellSpec spec) {
        // Allocation that grows with T beyond the [T, N, G*H] input product and the [T, N, H] output would mean
        // something is allocated per step.
        long shortRun = forwardBytes(spec, 50);
        long longRun = forwardBytes(spec, 2050);
        int gates = CellFixture.typeOf(spec.cellType()).gates().size();
        long perStepArrays = 2L * 4 * (gates * spec.hiddenSize() + spec.hiddenSize()); // gx and y rows, N = 2
        long growth = longRun - shortRun - 2000 * perStepArrays;
        assertThat(growth).as("bytes allocated per 2000 extra steps beyond gx and y").isLessThan(4096);
    }

    private static long forwardBytes(CellSpec spec, int steps) {
        CellFixture fx = new CellFixture(spec, new TestActivations(),
                new Scenario(steps, 2, Layout.TIME_MAJOR, null, false, false), 2, 0.5f);
        for (int i = 0; i < 30; i++) {
            fx.cell.forward(fx.batch(), null, false, false);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        fx.cell.forward(fx.batch(), null, false, false);
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
