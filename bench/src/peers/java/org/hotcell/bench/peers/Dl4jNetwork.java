package org.hotcell.bench.peers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hotcell.bench.check.Agreement;
import org.hotcell.bench.recurrent.HotcellLayer;
import org.hotcell.bench.recurrent.Workload;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellWeights;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A Deeplearning4j network for a workload: its {@code LSTM} layer (H units, sigmoid gates, the workload's
 * activation for block input and output, as Hotcell's candidate and output roles) under an {@code RnnLossLayer}
 * (MSE, identity: no parameters), trained with plain SGD like Hotcell's step, float32 throughout.
 *
 * <p>The layer gets Hotcell's weights, so the self-check compares outputs: DL4J keeps {@code W [I, 4H]},
 * {@code RW [H, 4H]}, {@code b [1, 4H]} with gate blocks in the order block input (candidate), forget, output,
 * input gate; ONNX (and Hotcell) keep {@code [4H, I]} in the order input, output, forget, candidate.
 */
final class Dl4jNetwork {
    /** DL4J gate block k holds ONNX gate block ONNX_BLOCK[k]. */
    private static final int[] ONNX_BLOCK = {3, 2, 1, 0};

    private Dl4jNetwork() {
    }

    /** Float32 defaults, and nd4j's own thread counts set to match OMP_NUM_THREADS. */
    static void configure(int threads) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    static MultiLayerNetwork create(Workload w) {
        if (!w.cell().equals("lstm")) {
            throw new IllegalArgumentException("Deeplearning4j has no GRU layer; workload " + w + " cannot run on it");
        }
        Activation activation = switch (w.activation()) {
            case "tanh" -> Activation.TANH;
            case "relu" -> Activation.RELU;
            default -> throw new IllegalArgumentException("no DL4J activation for '" + w.activation() + "'");
        };
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .updater(new Sgd(1e-4))
                .list()
                .layer(new LSTM.Builder().nIn(w.input()).nOut(w.hidden()).activation(activation)
                        .gateActivationFunction(Activation.SIGMOID).build())
                .layer(new RnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        setWeights(net.getLayer(0), w);
        return net;
    }

    /** Hotcell's {@code [T, N, I]} input as DL4J's {@code [N, I, T]}. */
    static INDArray input(Workload w) {
        return toNcw(w.inputs(), w.steps(), w.batch(), w.input());
    }

    /** Targets for the loss layer, {@code [N, H, T]}. */
    static INDArray labels(Workload w) {
        return toNcw(w.outputGradient(), w.steps(), w.batch(), w.hidden());
    }

    /** Throws unless DL4J's forward output equals Hotcell's on {@code backend} for the same weights and input. */
    static void check(String what, Workload w, MultiLayerNetwork net, Backend backend) {
        INDArray y = net.output(input(w));
        float[] dl4j = new float[w.steps() * w.batch() * w.hidden()];
        for (int t = 0; t < w.steps(); t++) {
            for (int n = 0; n < w.batch(); n++) {
                for (int j = 0; j < w.hidden(); j++) {
                    dl4j[(t * w.batch() + n) * w.hidden() + j] = y.getFloat(n, j, t);
                }
            }
        }
        float[] hotcell = HotcellLayer.create(w, backend).forward();
        Agreement.require(what + " " + w + ": Hotcell " + backend.describe() + " vs Deeplearning4j", hotcell, dl4j,
                Agreement.TOLERANCE);
    }

    private static void setWeights(Layer layer, Workload w) {
        CellWeights weights = w.weights();
        int h = w.hidden();
        layer.setParam("W", Nd4j.create(regroup(weights.w(), h, w.input()), new long[] {w.input(), 4L * h}, 'c'));
        layer.setParam("RW", Nd4j.create(regroup(weights.r(), h, h), new long[] {h, 4L * h}, 'c'));
        float[] bias = new float[4 * h];
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < h; j++) {
                int from = ONNX_BLOCK[k] * h + j;
                bias[k * h + j] = weights.wBias()[from] + weights.rBias()[from];
            }
        }
        layer.setParam("b", Nd4j.create(bias, new long[] {1, 4L * h}, 'c'));
    }

    /** ONNX {@code [4H, cols]} to DL4J {@code [cols, 4H]} with the gate blocks reordered, row-major. */
    private static float[] regroup(float[] onnx, int h, int cols) {
        float[] out = new float[cols * 4 * h];
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < h; j++) {
                int row = ONNX_BLOCK[k] * h + j;
                for (int c = 0; c < cols; c++) {
                    out[c * 4 * h + k * h + j] = onnx[row * cols + c];
                }
            }
        }
        return out;
    }

    private static INDArray toNcw(float[] tni, int steps, int batch, int features) {
        float[] ncw = new float[tni.length];
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < batch; n++) {
                for (int f = 0; f < features; f++) {
                    ncw[(n * features + f) * steps + t] = tni[(t * batch + n) * features + f];
                }
            }
        }
        return Nd4j.create(ncw, new long[] {batch, features, steps}, 'c');
    }
}
