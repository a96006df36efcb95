package org.hotcell.model.net;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.loss.Loss;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.testing.CentralDifferences;
import org.hotcell.model.testing.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network's plumbing (stacking, directions, merges, readouts, head) differentiated end to end, on the test
 * RNN: every parameter's analytic gradient against central differences of the loss.
 */
class NetworkGradientTest {
    private static final int STEPS = 4;
    private static final int BATCH = 3;
    private static final int INPUT = 2;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("one forward layer, last step", Readout.LAST_STEP, "mse",
                        new Direction[] {Direction.FORWARD}, new MergeMode[] {MergeMode.CONCAT}),
                Arguments.of("reverse under forward, per step", Readout.PER_STEP, "mse",
                        new Direction[] {Direction.REVERSE, Direction.FORWARD}, new MergeMode[] {MergeMode.CONCAT, MergeMode.CONCAT}),
                Arguments.of("bidirectional concat under bidirectional sum", Readout.PER_STEP, "cross_entropy",
                        new Direction[] {Direction.BIDIRECTIONAL, Direction.BIDIRECTIONAL},
                        new MergeMode[] {MergeMode.CONCAT, MergeMode.SUM}),
                Arguments.of("bidirectional, last step", Readout.LAST_STEP, "cross_entropy",
                        new Direction[] {Direction.BIDIRECTIONAL}, new MergeMode[] {MergeMode.CONCAT}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyParameterGradientMatchesCentralDifferences(String name, Readout readout, String lossName,
                                                         Direction[] directions, MergeMode[] merges) {
        var layers = new org.hotcell.model.spec.LayerSpec[directions.length];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = TestModels.layer(3, "tanh", directions[l], merges[l]);
        }
        ModelSpec spec = TestModels.spec(INPUT, 3, readout, layers);
        Model model = TestModels.model(spec, 5);
        SplittableRandom random = new SplittableRandom(9);
        SequenceBatch batch = SequenceBatch.timeMajor(TestModels.gaussians(STEPS * BATCH * INPUT, random), STEPS,
                BATCH, INPUT);
        int rows = readout == Readout.PER_STEP ? STEPS * BATCH : BATCH;
        float[] target = TestModels.oneHot(rows, 3, random);
        CentralDifferences.assertParameterGradients(model, TestModels::network, batch, Loss.named(lossName), target);
    }
}
