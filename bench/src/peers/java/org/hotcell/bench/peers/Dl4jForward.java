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
 * Deeplearning4j forward inference ({@code MultiLayerNetwork.output}) of the workload's LSTM with Hotcell's
 * weights. Run it in a fork whose environment sets {@code OMP_NUM_THREADS = threads},
 * {@code OMP_WAIT_POLICY=PASSIVE} and {@code OPENBLAS_CORETYPE} (the suite does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Dl4jForward {

    @Param("lstm/25x32x512/tanh")
    public String workload;

    @Param("1")
    public int threads;

    private MultiLayerNetwork net;
    private INDArray input;

    @Setup
    public void setUp() {
        Workload w = Workload.parse(workload);
        Dl4jNetwork.configure(threads);
        net = Dl4jNetwork.create(w);
        input = Dl4jNetwork.input(w);
        Dl4jNetwork.check("Dl4jForward", w, net, SimdBackend.withThreadCount(threads));
        System.out.println("[dl4j] OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE") + " OMP_NUM_THREADS="
                + System.getenv("OMP_NUM_THREADS") + " nd4j max threads " + org.nd4j.linalg.factory.Nd4j.getEnvironment().maxThreads());
    }

    @Benchmark
    public INDArray forward() {
        return net.output(input);
    }
}
