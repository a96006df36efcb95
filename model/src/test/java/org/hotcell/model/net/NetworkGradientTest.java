package org.hotcell.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.Parameters;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
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
        float[] x = DenseHeadTest.randoms(STEPS * BATCH * INPUT, random);
        SequenceBatch batch = SequenceBatch.timeMajor(x, STEPS, BATCH, INPUT);
        int rows = readout == Readout.PER_STEP ? STEPS * BATCH : BATCH;
        float[] target = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
            target[r * 3 + random.nextInt(3)] = 1f;
        }
        Loss loss = Loss.named(lossName);

        Network network = TestModels.network(model);
        NetworkPass pass = network.forward(batch, null, true);
        float[] dOut = new float[rows * 3];
        loss.evaluate(pass.output(), target, null, rows, 3, dOut);
        Parameters grads = network.backward(pass, dOut);

        for (Parameter parameter : model.parameters().list()) {
            float[] values = parameter.data();
            float[] analytic = grads.get(parameter.name()).data();
            for (int i = 0; i < values.length; i++) {
                float saved = values[i];
                float h = 1e-2f;
                values[i] = saved + h;
                double up = lossOf(model, batch, loss, target, rows);
                values[i] = saved - h;
                double down = lossOf(model, batch, loss, target, rows);
                values[i] = saved;
                double numeric = (up - down) / (2 * h);
                assertThat((double) analytic[i]).as("%s[%d]", parameter.name(), i)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-3 + 1e-2 * Math.abs(numeric)));
            }
        }
    }

    private static double lossOf(Model model, SequenceBatch batch, Loss loss, float[] target, int rows) {
        float[] out = TestModels.network(model).predict(batch);
        return loss.evaluate(out, target, null, rows, 3, new float[rows * 3]);
    }
}
