package org.hotcell.bench.peers;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.paired.PairedResult;
import org.hotcell.bench.paired.PairedRun;
import org.hotcell.bench.recurrent.HotcellLayer;
import org.hotcell.bench.recurrent.LayerChecks;
import org.hotcell.bench.recurrent.Workload;
import org.hotcell.core.backend.Backend;

/**
 * ONNX Runtime against Hotcell's SIMD backend on one workload's forward pass, in one JVM with calls
 * alternating ({@link PairedRun}); both self-checked (ONNX Runtime against Hotcell, Hotcell against the
 * reference). One thread only: at 2 threads each engine's pool keeps spinning for a while after its call and
 * would take the second core from the other's next call. Prints one {@link PairedResult} line with
 * {@code a = onnxruntime}, so its ratio is Hotcell / ONNX Runtime.
 *
 * <pre>
 * PairedOrt WORKLOAD [WARMUP_SECONDS MEASURE_SECONDS]
 * </pre>
 */
public final class PairedOrt {
    private PairedOrt() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: PairedOrt WORKLOAD [WARMUP_SECONDS MEASURE_SECONDS]");
            System.exit(2);
        }
        double warmup = args.length == 3 ? Double.parseDouble(args[1]) : 4;
        double measure = args.length == 3 ? Double.parseDouble(args[2]) : 8;
        Workload workload = Workload.parse(args[0]);
        OrtForward ort = new OrtForward();
        ort.workload = args[0];
        ort.threads = 1;
        ort.setUp();
        try {
            Backend backend = SimdBackend.withThreadCount(1);
            LayerChecks.forwardAgrees(workload, backend, "PairedOrt");
            HotcellLayer hotcell = HotcellLayer.create(workload, backend);
            PairedResult result = PairedRun.measure("onnxruntime", args[0], "forward", 1, () -> {
                try {
                    ort.forward();
                } catch (Exception e) {
                    throw new IllegalStateException("ONNX Runtime failed on " + args[0], e);
                }
            }, hotcell::forward, warmup, measure);
            System.out.println(result.toLine());
        } finally {
            ort.tearDown();
        }
    }
}
