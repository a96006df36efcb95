package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;
import org.junit.jupiter.api.Test;

/** One cell serves many threads at once, each with its own state, as the Cell contract promises. */
class ConcurrencyTest {

    @Test
    void threadsSharingACellGetWhatTheyWouldAlone() throws Exception {
        CellSpec spec = CellSpec.builder("lstm").inputSize(3).hiddenSize(5).peepholes(true).build();
        CellFixture fx = new CellFixture(spec, new TestActivations(), Scenario.plain(8, 2), 3, 0.6f);
        ForwardPass expected = fx.cell.forward(fx.batch(), null, false, false);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                boolean stepping = k % 2 == 0;
                results.add(pool.submit(() -> {
                    float[] last = null;
                    for (int round = 0; round < 200; round++) {
                        if (stepping) {
                            CellState state = fx.cell.zeroState(2);
                            for (int t = 0; t < 8; t++) {
                                fx.cell.step(fx.x, t * 2 * 3, state);
                            }
                            last = state.h();
                        } else {
                            last = fx.cell.forward(fx.batch(), null, false, false).last().h();
                        }
                    }
                    return last;
                }));
            }
            for (Future<float[]> result : results) {
                float[] h = result.get();
                for (int i = 0; i < h.length; i++) {
                    assertThat(h[i]).isCloseTo(expected.last().h()[i], org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
