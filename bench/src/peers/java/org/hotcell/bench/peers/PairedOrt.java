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
 * reference). Both engines get the same thread count. At 2 threads each engine's pool keeps spinning for a while
 * after its call and would take the second core from the other's next call, so every call then follows an
 * untimed pause of {@link #PAUSE_MILLIS}: each engine's call finds its workers as a pool leaves them after that
 * long idle (task {@code forward@50ms}, the pause in the name). With {@code --warm}, each timed call also follows an
 * untimed call of the same engine right after the pause, so it finds its workers just used, as in a stream of calls
 * back to back (task {@code forward-warm@50ms}). At 1 thread there is no pause (task {@code forward}). Prints one
 * {@link PairedResult} line with {@code a = onnxruntime}, so its ratio is Hotcell / ONNX Runtime.
 *
 * <pre>
 * PairedOrt WORKLOAD [THREADS [WARMUP_SECONDS MEASURE_SECONDS]] [--warm]
 * </pre>
 */
public final class PairedOrt {
    private PairedOrt() {
    }

    /**
     * The pause before each call at more than one thread, in ms: longer than either pool spins after a call.
     * System property {@code hotcell.bench.pauseMillis} overrides it (to check that a longer pause changes
     * nothing).
     */
    static final int PAUSE_MILLIS = Integer.getInteger("hotcell.bench.pauseMillis", 50);

    public static void main(String[] arguments) throws Exception {
        boolean warm = java.util.Arrays.asList(arguments).contains("--warm");
        String[] args = java.util.Arrays.stream(arguments).filter(a -> !a.equals("--warm")).toArray(String[]::new);
        if (args.length != 1 && args.length != 2 && args.length != 4) {
            System.err.println("usage: PairedOrt WORKLOAD [THREADS [WARMUP_SECONDS MEASURE_SECONDS]] [--warm]");
            System.exit(2);
        }
        int threads = args.length >= 2 ? Integer.parseInt(args[1]) : 1;
        double warmup = args.length == 4 ? Double.parseDouble(args[2]) : 4;
        double measure = args.length == 4 ? Double.parseDouble(args[3]) : threads > 1 ? 12 : 8;
        Workload workload = Workload.parse(args[0]);
        OrtForward ort = new OrtForward();
        ort.workload = args[0];
        ort.threads = threads;
        ort.setUp();
        try {
            Backend backend = SimdBackend.withThreadCount(threads);
            LayerChecks.forwardAgrees(workload, backend, "PairedOrt");
            HotcellLayer hotcell = HotcellLayer.create(workload, backend);
            int pause = threads > 1 ? PAUSE_MILLIS : 0;
            // The task names the pause, so the table says what was run, whatever the property set.
            String task = (warm ? "forward-warm" : "forward") + (pause > 0 ? "@" + pause + "ms" : "");
            PairedResult result = PairedRun.measure("onnxruntime", args[0], task, threads, () -> {
                try {
                    ort.forward();
                } catch (Exception e) {
                    throw new IllegalStateException("ONNX Runtime failed on " + args[0], e);
                }
            }, hotcell::forward, warmup, measure, pause, warm);
            System.out.println(result.toLine());
        } finally {
            ort.tearDown();
        }
    }
}
