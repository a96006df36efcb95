package org.hotcell.bench.peers;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.ValueInfo;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.check.Agreement;
import org.hotcell.bench.recurrent.HotcellLayer;
import org.hotcell.bench.recurrent.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ONNX Runtime forward inference of the workload's node ({@link OnnxNode}, the same weights as Hotcell's),
 * with intra-op threads = {@code threads}, inter-op threads 1 and sequential execution. The self-check
 * compares its output with Hotcell's SIMD backend on the same input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OrtForward {

    @Param("lstm/25x32x512/tanh")
    public String workload;

    @Param("1")
    public int threads;

    private OrtSession.SessionOptions options;
    private OrtSession session;
    private OnnxTensor input;
    private Map<String, OnnxTensor> inputs;

    @Setup
    public void setUp() throws OrtException {
        Workload w = Workload.parse(workload);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(OnnxNode.model(w), options);
        input = OnnxTensor.createTensor(env, FloatBuffer.wrap(w.inputs()), new long[] {w.steps(), w.batch(), w.input()});
        inputs = Map.of("X", input);
        float[] ort;
        try (OrtSession.Result result = session.run(inputs)) {
            FloatBuffer y = ((OnnxTensor) result.get(0)).getFloatBuffer();
            ort = new float[y.remaining()];
            y.get(ort);
        }
        float[] hotcell = HotcellLayer.create(w, SimdBackend.withThreadCount(threads)).forward();
        Agreement.require("OrtForward " + w + ": Hotcell simd vs ONNX Runtime", hotcell, ort, Agreement.TOLERANCE);
    }

    @Benchmark
    public ValueInfo forward() throws OrtException {
        try (OrtSession.Result result = session.run(inputs)) {
            return result.get(0).getInfo();
        }
    }

    @TearDown
    public void tearDown() throws OrtException {
        input.close();
        session.close();
        options.close();
    }
}
