package org.hotcell.model.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import org.assertj.core.data.Offset;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.net.NetworkPass;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.Parameters;

/** Analytic gradients checked against central differences of the loss, (L(v + h) - L(v - h)) / 2h. */
public final class CentralDifferences {
    private CentralDifferences() {
    }

    /** The slope of {@code loss} in {@code values[i]}, which is put back afterwards. */
    public static double slope(float[] values, int i, float h, DoubleSupplier loss) {
        // value + h in double, rounded to float, is exactly the float sum that float code would form.
        return slope(v -> values[i] = (float) v, values[i], h, loss);
    }

    /** The slope of {@code loss} in {@code values[i]}, in double precision; the entry is put back afterwards. */
    public static double slope(double[] values, int i, double h, DoubleSupplier loss) {
        return slope(v -> values[i] = v, values[i], h, loss);
    }

    private static double slope(DoubleConsumer set, double value, double h, DoubleSupplier loss) {
        set.accept(value + h);
        double up = loss.getAsDouble();
        set.accept(value - h);
        double down = loss.getAsDouble();
        set.accept(value);
        return (up - down) / (2 * h);
    }

    /**
     * Backpropagates {@code loss} against {@code target} through the network {@code build} makes of {@code model},
     * then checks the gradient of every entry of every parameter against the slope with h = 0.01, within
     * 2e-3 + 1e-2 |slope|. Each loss evaluation builds the network again, so it sees the perturbed weights.
     */
    public static void assertParameterGradients(Model model, Function<Model, Network> build, SequenceBatch input,
                                                Loss loss, float[] target) {
        int outputs = model.spec().head().outputs();
        int rows = target.length / outputs;
        Network network = build.apply(model);
        NetworkPass pass = network.forward(input, null, true);
        float[] dOut = new float[rows * outputs];
        loss.evaluate(pass.output(), target, null, rows, outputs, dOut);
        Parameters grads = network.backward(pass, dOut);
        DoubleSupplier lossOfModel = () -> loss.evaluate(build.apply(model).predict(input), target, null, rows,
                outputs, new float[rows * outputs]);
        for (Parameter parameter : model.parameters().list()) {
            float[] analytic = grads.get(parameter.name()).data();
            for (int i = 0; i < analytic.length; i++) {
                double numeric = slope(parameter.data(), i, 1e-2f, lossOfModel);
                assertThat((double) analytic[i]).as("%s[%d]", parameter.name(), i)
                        .isCloseTo(numeric, Offset.offset(2e-3 + 1e-2 * Math.abs(numeric)));
            }
        }
    }
}
