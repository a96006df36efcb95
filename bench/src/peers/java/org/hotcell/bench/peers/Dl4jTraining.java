package org.hotcell.bench.peers;

import java.util.concurrent.TimeUnit;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.recurrent.Workload;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Deeplearning4j training step ({@code MultiLayerNetwork.fit(input, labels)}: forward, backward, SGD
 * update) of the workload's LSTM, the counterpart of Hotcell's {@code SimdTraining}. Counted as 3x forward FLOPs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Dl4jTraining {

    @Param("lstm/25x32x512/tanh")
    public String workload;

    @Param("1")
    public int threads;

    private MultiLayerNetwork net;
    private INDArray input;
    private INDArray labels;

    @Setup
    public void setUp() {
        Workload w = Workload.parse(workload);
        Dl4jNetwork.configure(threads);
        net = Dl4jNetwork.create(w);
        input = Dl4jNetwork.input(w);
        labels = Dl4jNetwork.labels(w);
        Dl4jNetwork.check("Dl4jTraining", w, net, SimdBackend.withThreadCount(threads));
    }

    @Benchmark
    public MultiLayerNetwork trainingStep() {
        net.fit(input, labels);
        return net;
    }
}
