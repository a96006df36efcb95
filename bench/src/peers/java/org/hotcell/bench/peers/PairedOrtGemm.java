package org.hotcell.bench.peers;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.check.Agreement;
import org.hotcell.bench.kernel.FmaPeak;
import org.hotcell.bench.paired.PairedRun;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.ModelBuilder;

/**
 * The matrix product alone, Hotcell's SIMD backend against ONNX Runtime's MatMul (its MLAS kernels), 1 thread,
 * calls alternating in one JVM ({@link PairedRun}). The recurrent layers spend most of a batched pass in such
 * products, so this separates the kernel's share of a layer's gap from everything around it. Shapes are
 * {@code Y[m x n] = X[m x k] . W^T} with W {@code n x k} as a layer holds it (ONNX Runtime gets W^T, its MatMul
 * layout, as an initializer). A third side, timed in the same rounds, is the FMA peak probe
 * ({@link FmaPeak#probe}) run about as long as one Hotcell call: its rate is the core's peak at the moments the
 * product ran, which on a shared machine drifts by tens of percent within minutes. Prints three
 * {@link org.hotcell.bench.paired.PairedResult} lines: {@code a = onnxruntime, b = gemm/MxNxK} (task
 * {@code multiply}); then {@code a = fma-peak/F}, F the probe's operations per run, with {@code b = gemm/MxNxK}
 * and with {@code b = onnxruntime-gemm/MxNxK} (task {@code peak}), whose median ratios of times give each
 * engine's share of the peak round by round.
 *
 * <pre>
 * PairedOrtGemm MxNxK [WARMUP_SECONDS MEASURE_SECONDS]
 * </pre>
 */
public final class PairedOrtGemm {
    private PairedOrtGemm() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: PairedOrtGemm MxNxK [WARMUP_SECONDS MEASURE_SECONDS]");
            System.exit(2);
        }
        String[] dims = args[0].split("x");
        if (dims.length != 3) {
            throw new IllegalArgumentException("shape must be MxNxK, got '" + args[0] + "'");
        }
        int m = Integer.parseInt(dims[0]);
        int n = Integer.parseInt(dims[1]);
        int k = Integer.parseInt(dims[2]);
        double warmup = args.length == 3 ? Double.parseDouble(args[1]) : 3;
        double measure = args.length == 3 ? Double.parseDouble(args[2]) : 6;

        Random random = new Random(11);
        float[] w = new float[n * k];
        float[] x = new float[m * k];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextFloat() * 2 - 1;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        float[] wT = new float[k * n];
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < k; p++) {
                wT[p * n + r] = w[r * k + p];
            }
        }
        Backend backend = SimdBackend.withThreadCount(1);
        PackedMatrix packed = backend.pack(w, 0, n, k);
        float[] y = new float[m * n];
        Runnable hotcell = () -> backend.multiply(x, 0, k, m, packed, y, 0, n, false);

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] model = new ModelBuilder("gemm").opset(14)
                .input("X", ElementType.FLOAT, m, k)
                .initializer("W", Tensor.ofFloats(new int[] {k, n}, wT))
                .node("product", "MatMul", List.of("X", "W"), List.of("Y"))
                .output("Y", ElementType.FLOAT)
                .bytes();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {m, k})) {
                Map<String, OnnxTensor> inputs = Map.of("X", input);
                hotcell.run();
                try (OrtSession.Result result = session.run(inputs)) {
                    float[] ort = ((OnnxTensor) result.get(0)).getFloatBuffer().array();
                    Agreement.require("PairedOrtGemm " + args[0] + ": Hotcell SIMD vs ONNX Runtime", ort, y,
                            Agreement.TOLERANCE);
                }
                Runnable ort = () -> {
                    try {
                        // Only the call's time counts; the output was checked above.
                        session.run(inputs).close();
                    } catch (OrtException e) {
                        throw new IllegalStateException("ONNX Runtime failed on MatMul " + args[0], e);
                    }
                };
                int repeats = probeRepeats(hotcell);
                Runnable peak = FmaPeak.probe(repeats);
                List<long[]> rounds = PairedRun.rounds(new Runnable[] {ort, hotcell, peak}, warmup, measure);
                String gemm = "gemm/" + args[0];
                System.out.println(PairedRun.result("onnxruntime", gemm, "multiply", 1, rounds, 0, 1).toLine());
                String probe = "fma-peak/" + (long) (repeats * FmaPeak.flopsPerCall());
                System.out.println(PairedRun.result(probe, gemm, "peak", 1, rounds, 2, 1).toLine());
                System.out.println(PairedRun.result(probe, "onnxruntime-" + gemm, "peak", 1, rounds, 2, 0).toLine());
            }
        }
    }

    /**
     * How many calls of the FMA probe last about as long as one call of {@code gemm}: the median over rounds of one
     * call each of their time ratio ({@link PairedRun#rounds}, half a second of warm-up and half a second timed).
     */
    private static int probeRepeats(Runnable gemm) {
        List<long[]> rounds = PairedRun.rounds(new Runnable[] {FmaPeak.probe(1), gemm}, 0.5, 0.5);
        double ratio = PairedRun.result("fma-peak", "gemm", "repeats", 1, rounds, 0, 1).medianRatio();
        return (int) Math.max(1, Math.round(ratio));
    }
}
