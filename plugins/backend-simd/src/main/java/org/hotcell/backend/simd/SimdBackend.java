package org.hotcell.backend.simd;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.hotcell.backend.simd.internal.CacheSizes;
import org.hotcell.backend.simd.internal.CpuAffinity;
import org.hotcell.backend.simd.internal.Lanes;
import org.hotcell.backend.simd.internal.PanelDot;
import org.hotcell.backend.simd.internal.PanelGemm;
import org.hotcell.backend.simd.internal.PanelMatrix;
import org.hotcell.backend.simd.internal.PanelPairKernel;
import org.hotcell.backend.simd.internal.PanelUpdate;
import org.hotcell.backend.simd.internal.SegmentedChunks;
import org.hotcell.backend.simd.internal.SpinTeam;
import org.hotcell.backend.simd.internal.TileKernels;
import org.hotcell.backend.simd.internal.VectorOps;
import org.hotcell.backend.simd.internal.lowp.Bf16PanelMatrix;
import org.hotcell.backend.simd.internal.lowp.CompactGemm;
import org.hotcell.backend.simd.internal.lowp.CompactPanels;
import org.hotcell.backend.simd.internal.lowp.Int8PanelMatrix;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.Matrices;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.UnitTask;
import org.hotcell.core.backend.WeightStorage;

/**
 * The Vector API backend. Weights are packed once into column panels of W^T ({@code PanelMatrix}); products
 * run a register-blocked micro-kernel (4 rows x 2 vectors) and, at batch 1, a streaming kernel that reads
 * each panel once per step. With more than one thread, the panels are split into fixed contiguous ranges,
 * one per thread, so each core keeps the same share of the recurrent weights in its own L2 from step to
 * step, unless the shares are too big for that: then they go out in chunks to whichever thread is free
 * ({@link #chunked}). The threads meet by spinning ({@code SpinTeam}) rather than through an executor.
 *
 * <p>Results equal the reference backend's to float rounding (differential tests hold it to 1e-5
 * relative to the magnitude of the products). Rank 100: chosen over the reference backend when present.
 * System property {@code hotcell.threads} sets the default thread count (default: available processors), and
 * {@code hotcell.simd.spinMillis} how long idle workers stay awake after a product (default 20), and
 * {@code hotcell.simd.placement} whether the workers are kept off the calling thread's CPU ({@code apart}, the
 * default, where the JVM grants native access on Linux; see {@code SpinTeam}) or left to the OS ({@code os}).
 *
 * <p>{@link #withWeightStorage} makes an inference variant that packs W as bfloat16 or as int8 with per-row
 * scales ({@code internal.lowp}), read by kernels that accumulate in float32; its products are then no longer
 * equal to the reference backend's to float rounding (see {@link Backend#withWeightStorage}), it does not update
 * weights in place ({@link #addsInPlace} is false: a trainer rebuilds its cells from the float32 master), and its
 * products by W itself ({@link #multiplyUntransposed}) use a float32 copy of the stored weights, made once.
 */
public final class SimdBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "simd";

    /** Products smaller than this many multiply-adds run on the calling thread alone. */
    private static final long PARALLEL_THRESHOLD = 1L << 15;

    /**
     * A thread's share of W above which it cannot stay in its core's L2 beside A and C: the machine's L2 per
     * core ({@link CacheSizes}). A share of exactly that size already streams from L3 (on an AVX2 machine with
     * 512 KiB per core, a 1024 x 256 product by one row read each 512 KiB half at L3 speed, 49 GB/s per core).
     */
    private static final long L2_SHARE_BYTES = CacheSizes.L2_BYTES;

    /** Panel chunks per thread in products of several rows: enough to even out a slower core. */
    private static final int CHUNKS_PER_THREAD = 4;

    /** System property: the default spin window in milliseconds ({@link #withThreadCount(int, Duration)}). */
    public static final String SPIN_MILLIS_PROPERTY = "hotcell.simd.spinMillis";

    /** System property: {@code apart} (default) or {@code os}; see the class comment. */
    public static final String PLACEMENT_PROPERTY = "hotcell.simd.placement";

    private final int threads;
    private final WeightStorage storage;
    private final Duration spin;
    /** The placement asked for; the team says whether it could keep its workers apart. */
    private final SpinTeam.Placement placement;
    private final SpinTeam team;

    /** The default instance (ServiceLoader, OSGi): threads from {@code hotcell.threads} or the core count. */
    public SimdBackend() {
        this(Integer.getInteger("hotcell.threads", Runtime.getRuntime().availableProcessors()), defaultSpin(),
                defaultPlacement(),
                WeightStorage.FP32);
    }

    private SimdBackend(int threads, Duration spin, SpinTeam.Placement placement, WeightStorage storage) {
        requireVectorApi();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.storage = Objects.requireNonNull(storage, "storage");
        this.spin = Objects.requireNonNull(spin, "spin");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.team = threads > 1 ? new SpinTeam(threads, "hotcell-simd", spin, placement, Thread::new) : null;
    }

    /** The spin window from {@link #SPIN_MILLIS_PROPERTY}, else {@link SpinTeam#DEFAULT_SPIN}. */
    private static Duration defaultSpin() {
        return spinFrom(System.getProperty(SPIN_MILLIS_PROPERTY));
    }

    /** The spin window a value of {@link #SPIN_MILLIS_PROPERTY} names; null: {@link SpinTeam#DEFAULT_SPIN}. */
    static Duration spinFrom(String value) {
        if (value == null) {
            return SpinTeam.DEFAULT_SPIN;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + SPIN_MILLIS_PROPERTY
                + " must be a whole number of milliseconds, 0 or more, got '" + value + "'");
    }

    /** The placement from {@link #PLACEMENT_PROPERTY}, else {@link SpinTeam.Placement#APART}. */
    private static SpinTeam.Placement defaultPlacement() {
        return placementFrom(System.getProperty(PLACEMENT_PROPERTY));
    }

    /** The placement a value of {@link #PLACEMENT_PROPERTY} names; null: {@link SpinTeam.Placement#APART}. */
    static SpinTeam.Placement placementFrom(String value) {
        if (value == null || value.trim().equalsIgnoreCase("apart")) {
            return SpinTeam.Placement.APART;
        }
        if (value.trim().equalsIgnoreCase("os")) {
            return SpinTeam.Placement.OS;
        }
        throw new IllegalArgumentException("system property " + PLACEMENT_PROPERTY + " must be 'apart' or 'os', got '"
                + value + "'");
    }

    /**
     * Fails now, with a message that says what to do, when the Vector API cannot be used: in an OSGi framework
     * whose system bundle exports {@code jdk.incubator.vector} without the JVM having the module, this bundle
     * resolves, and a backend made then would fail on its first product instead.
     */
    private static void requireVectorApi() {
        try {
            if (Lanes.LENGTH < 1) {
                throw new IllegalStateException("no float lanes");
            }
        } catch (LinkageError | IllegalStateException e) {
            throw new IllegalStateException("the SIMD backend needs the Vector API, which this JVM does not offer ("
                    + e + "); start the JVM with --add-modules jdk.incubator.vector, or use the reference backend", e);
        }
    }

    /** A backend with exactly {@code threads} threads and the default spin window. */
    public static SimdBackend withThreadCount(int threads) {
        return withThreadCount(threads, defaultSpin());
    }

    /**
     * A backend with exactly {@code threads} threads whose workers stay awake {@code spin} after their last
     * product before they sleep (see {@code SpinTeam}): long enough to bridge the gap between a model's calls,
     * they answer the next one at once and on their own cores; each such gap costs up to {@code spin} of a
     * core's time, given up to any other thread that wants it. Zero puts them to sleep after 0.2 ms.
     */
    public static SimdBackend withThreadCount(int threads, Duration spin) {
        return new SimdBackend(threads, spin, defaultPlacement(), WeightStorage.FP32);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public String describe() {
        return NAME + ": Vector API, " + Lanes.SPECIES.vectorBitSize() + "-bit (" + Lanes.LENGTH + " float lanes), "
                + tileRows() + "x" + tileColumns() + " tiles, " + threads
                + (threads == 1 ? " thread"
                        : " threads (awake " + spin.toMillis() + " ms after work, " + placementInWords() + ")")
                + (storage == WeightStorage.FP32 ? "" : ", " + storage.spelling() + " weights");
    }

    /** How the workers are placed, in words for {@link #describe}. */
    private String placementInWords() {
        if (team.keepsWorkersApart()) {
            return "kept off the caller's CPU";
        }
        return "placed by the OS: "
                + (placement == SpinTeam.Placement.OS ? PLACEMENT_PROPERTY + "=os" : CpuAffinity.UNAVAILABLE_BECAUSE);
    }

    /** Rows of the batched products' register tiles: six for fp32 weights, four for the compact ones. */
    private int tileRows() {
        return storage == WeightStorage.FP32 ? TileKernels.SIX_ROWS : TileKernels.MR;
    }

    /** Columns of the batched products' register tiles: two panels where the CPU allows. */
    private int tileColumns() {
        return (storage == WeightStorage.FP32 && PanelPairKernel.CHOSEN ? 2 : 1) * Lanes.PANEL;
    }

    /** Threads this backend uses. */
    public int threads() {
        return threads;
    }

    @Override
    public Backend withThreads(int count) {
        return count == threads ? this : new SimdBackend(count, spin, placement, storage);
    }

    /** A variant with the same threads whose {@link #pack} stores W as {@code storage} (see the class comment). */
    @Override
    public Backend withWeightStorage(WeightStorage weights) {
        return weights == storage ? this : new SimdBackend(threads, spin, placement, weights);
    }

    @Override
    public WeightStorage weightStorage() {
        return storage;
    }

    @Override
    public PackedMatrix pack(float[] w, int off, int rows, int cols) {
        checkMatrix("W", w, off, rows, cols, cols);
        long size = (long) rows * cols;
        return switch (storage) {
            case FP32 -> packOnTeam(w, off, rows, cols, cols, 1);
            case BF16 -> {
                Bf16PanelMatrix packed = Bf16PanelMatrix.allocate(rows, cols);
                onPanels(packed.panels(), size, (from, to) -> packed.fill(w, off, from, to));
                yield packed;
            }
            case INT8 -> {
                Int8PanelMatrix packed = Int8PanelMatrix.allocate(rows, cols);
                onPanels(packed.panels(), size, (from, to) -> packed.fill(w, off, from, to));
                yield packed;
            }
        };
    }

    /** True for float32 weights; a compact storage is rounded at packing, so an update packs again. */
    @Override
    public boolean addsInPlace() {
        return storage == WeightStorage.FP32;
    }

    /**
     * W's panels, then W^T's when the backend keeps one ({@link #transposeOf}): both by the same float expression,
     * so the transpose stays exactly W^T and a product by W after the update needs no new transpose. Each is one
     * pass over the panels, split between the threads like a packing ({@link #onPanels}): memory-bound, and a
     * thread updates the panels it multiplies by in a recurrent step, so they are in its own cache next.
     */
    @Override
    public void addTo(PackedMatrix w, float alpha, float[] d, int dOff) {
        addTo(w, alpha, d, dOff, null, 0);
    }

    /**
     * The master's rows are updated panel by panel beside the panels, on the same threads, while that panel's
     * rows of D are in cache: for batch-1 training at 2 threads, a separate pass over the master on one thread
     * was 15% of the step's time on the calling thread.
     */
    @Override
    public void addTo(PackedMatrix w, float alpha, float[] d, int dOff, float[] master, int masterOff) {
        if (w instanceof CompactPanels compact) {
            throw new UnsupportedOperationException("backend '" + NAME + "' cannot update " + compact.storage().spelling()
                    + " weights in place; pack the updated weights again (rebuild the cell)");
        }
        PanelMatrix packed = own(w);
        int rows = packed.rows();
        int cols = packed.cols();
        checkMatrix("D", d, dOff, rows, cols, cols);
        if (master != null) {
            checkMatrix("the master copy", master, masterOff, rows, cols, cols);
        }
        long size = (long) rows * cols;
        onPanels(packed.panels(), size,
                (from, to) -> PanelUpdate.addWithMaster(packed, alpha, d, dOff, master, masterOff, from, to));
        PanelMatrix transposed = packed.cachedTranspose();
        if (transposed != null) {
            // Element (i, k) of W^T is D's (k, i): row i of the transpose runs along D's row.
            onPanels(transposed.panels(), size,
                    (from, to) -> PanelUpdate.add(transposed, alpha, d, dOff, 1, cols, from, to));
        }
    }

    /**
     * One row (the batch-1 backward step) straight from W's panels ({@link PanelDot}), unless W's transpose has
     * been made already. For one row, a training step that transposed R (2048 x 512 or 4096 x 1024, 1.1-1.2 ms
     * per 4 MB) ran 1-10% slower than one reading R's panels (LSTM (25,1,512) and (25,1,1024), same-JVM A/B both
     * orders, 1 and 2 threads; (100,1,256) and GRU (100,1,256) no different).
     *
     * <p>More rows: the first such product, when X has fewer rows than W has columns, reads W's panels as the
     * GEMM's A side ({@link #byTransposedRowsOfW}); any later one packs W^T once and keeps it with W, and
     * {@link #addTo} updates it with W. (When training rebuilt its cells at every step, the input gradient
     * {@code dX = dG . W}, T*N rows, was a product made once per matrix, and reading the panels made the LSTM
     * (25,1,512) training step 4-6% faster at 1 thread and 3-13% at 2. Cells now live across steps and are
     * updated in place, so from the second step on W^T is kept and updated: about 0.1-0.3 ms per 2048 x 512
     * update here, not re-measured against reading the panels at every step.) A batched backward pass
     * multiplies by R at every step, so from its second step on it uses the kept transpose.
     */
    @Override
    public void multiplyUntransposed(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff,
                                     int ldy, boolean accumulate) {
        if (w instanceof CompactPanels compact) {
            checkMatrix("X", x, xOff, m, compact.rows(), ldx);
            checkMatrix("Y", y, yOff, m, compact.cols(), ldy);
            multiplyUntransposed(x, xOff, ldx, m, compact.widened(), y, yOff, ldy, accumulate);
            return;
        }
        PanelMatrix packed = own(w);
        checkMatrix("X", x, xOff, m, packed.rows(), ldx);
        checkMatrix("Y", y, yOff, m, packed.cols(), ldy);
        if (packed.cachedTranspose() == null) {
            if (m == 1) {
                int cols = packed.cols();
                onPanels((cols + Lanes.PANEL - 1) / Lanes.PANEL, (long) packed.rows() * cols,
                        (from, to) -> PanelDot.row(x, xOff, packed, y, yOff, accumulate, from * Lanes.PANEL,
                                Math.min(cols, to * Lanes.PANEL)));
                return;
            }
            if (m < packed.cols() && packed.rows() > 0 && packed.firstUntransposedProduct()) {
                byTransposedRowsOfW(x, xOff, ldx, m, packed, y, yOff, ldy, accumulate);
                return;
            }
        }
        product(x, xOff, ldx, 1, m, transposeOf(packed), 1f, accumulate ? 1f : 0f, y, yOff, ldy);
    }

    /**
     * {@code Y = X . W} as {@code Y^T = W^T . X^T}: W^T is the GEMM's A side, which the kernel reads straight
     * from W's panels ({@link PanelGemm#runOnTransposeOf}), and X (m rows, fewer than W's columns) is packed as
     * the panel side. This reads W once and writes nothing the size of W, where packing W^T reads W, writes a
     * copy as large, and the product reads that copy again; so it serves a product made once. W's columns are
     * split between the threads; Y^T goes to a scratch matrix and is added into Y transposed (m x cols floats,
     * little beside the m x rows x cols multiply-adds).
     */
    private void byTransposedRowsOfW(float[] x, int xOff, int ldx, int m, PanelMatrix w, float[] y, int yOff,
                                     int ldy, boolean accumulate) {
        int rows = w.rows();
        int cols = w.cols();
        PanelMatrix xPacked = packOnTeam(x, xOff, m, rows, ldx, 1);
        float[] yt = new float[Math.multiplyExact(cols, m)];
        if (accumulate) {
            // Y^T starts as Y, and each k block adds into it, as the product through the kept transpose adds into
            // Y: both give the same bits (adding a finished Y^T to Y at the end would round differently).
            for (int j = 0; j < m; j++) {
                int row = yOff + j * ldy;
                for (int i = 0; i < cols; i++) {
                    yt[i * m + j] = y[row + i];
                }
            }
        }
        float beta = accumulate ? 1f : 0f;
        int micro = (cols + TileKernels.MR - 1) / TileKernels.MR;
        onPanels(micro, (long) m * rows * cols, (from, to) -> {
            int r0 = from * TileKernels.MR;
            int r1 = Math.min(cols, to * TileKernels.MR);
            PanelGemm.runOnTransposeOf(w, r0, r1 - r0, xPacked, 1f, beta, yt, r0 * m, m);
        });
        for (int j = 0; j < m; j++) {
            int row = yOff + j * ldy;
            for (int i = 0; i < cols; i++) {
                y[row + i] = yt[i * m + j];
            }
        }
    }

    /** W^T packed, made on first use and kept with W (a race at first use only transposes twice). */
    private PanelMatrix transposeOf(PanelMatrix packed) {
        PanelMatrix transposed = packed.cachedTranspose();
        if (transposed == null) {
            PanelMatrix fresh = PanelMatrix.allocate(packed.cols(), packed.rows());
            onPanels(fresh.panels(), (long) packed.rows() * packed.cols(),
                    (from, to) -> fresh.fillTransposed(packed, from, to));
            packed.cacheTranspose(fresh);
            transposed = fresh;
        }
        return transposed;
    }

    @Override
    public void multiply(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff, int ldy,
                         boolean accumulate) {
        if (w instanceof CompactPanels compact) {
            checkMatrix("X", x, xOff, m, compact.cols(), ldx);
            checkMatrix("Y", y, yOff, m, compact.rows(), ldy);
            compactProduct(x, xOff, ldx, m, compact, accumulate ? 1f : 0f, y, yOff, ldy);
            return;
        }
        PanelMatrix packed = own(w);
        checkMatrix("X", x, xOff, m, packed.cols(), ldx);
        checkMatrix("Y", y, yOff, m, packed.rows(), ldy);
        if (m == 1) {
            packed.turnRowPass();
        }
        product(x, xOff, ldx, 1, m, packed, 1f, accumulate ? 1f : 0f, y, yOff, ldy);
    }

    /**
     * With the team: each thread takes a share of every group's panels (its fixed share, or chunks from its own
     * segment first and then from the others': {@link #chunked}, {@link SegmentedChunks}) and runs {@code after}
     * on those units as soon as its share, or each run of adjacent chunks it took, is done, so the
     * cell's element-wise step runs on both cores, on data the thread has just written. That needs each group
     * to start on a panel edge ({@code units} a multiple of {@link Lanes#PANEL}); otherwise, or when the product
     * is small, the whole product runs first and {@code after} runs once on the calling thread.
     */
    @Override
    public void multiplyThen(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff, int ldy,
                             boolean accumulate, int groups, UnitTask after) {
        int units = Matrices.unitsPerGroup(w.rows(), groups);
        checkMatrix("X", x, xOff, m, w.cols(), ldx);
        checkMatrix("Y", y, yOff, m, w.rows(), ldy);
        if (units == 0) {
            return;
        }
        float beta = accumulate ? 1f : 0f;
        // X is row-major: every share or chunk reads it in place, so nothing is packed first.
        if (!splitGroups(m, w.rows(), w.cols(), weightBytes(w), groups, after,
                groupedProduct(x, xOff, ldx, m, w, beta, y, yOff, ldy))) {
            if (w instanceof CompactPanels compact) {
                compactProduct(x, xOff, ldx, m, compact, beta, y, yOff, ldy);
            } else {
                product(x, xOff, ldx, 1, m, own(w), 1f, beta, y, yOff, ldy);
            }
            after.run(0, units);
        }
    }

    /**
     * One hand-off per step instead of two: with the team, each thread computes its units' columns of
     * {@code X . W^T} in every group, adds their bias, adds {@code H . R^T} into them and runs {@code after}
     * ({@link #splitGroups}), so the bias is added on all cores and the threads meet once per step, not twice.
     * At several rows, and with compact (bf16, int8) weights, which take the same split with their own kernels,
     * each element gets the bits of the three separate calls; one fp32 row groups its panels as {@link
     * #multiplyThen} does, for both products. Otherwise (one thread, a small product, units off a panel edge) the
     * three calls run in turn.
     */
    @Override
    public void multiplyPairThen(float[] x, int xOff, int ldx, PackedMatrix w, float[] bias, int biasOff,
                                 float[] h, int hOff, int ldh, PackedMatrix r, int m, float[] y, int yOff, int ldy,
                                 int groups, UnitTask after) {
        Matrices.checkPair(w, r, bias, biasOff);
        int rows = w.rows();
        int units = Matrices.unitsPerGroup(rows, groups);
        checkMatrix("X", x, xOff, m, w.cols(), ldx);
        checkMatrix("H", h, hOff, m, r.cols(), ldh);
        checkMatrix("Y", y, yOff, m, rows, ldy);
        if (!splitsGroups(m, rows, w.cols() + r.cols(), units)) {
            Backend.super.multiplyPairThen(x, xOff, ldx, w, bias, biasOff, h, hOff, ldh, r, m, y, yOff, ldy, groups,
                    after);
            return;
        }
        GroupedPanels input = groupedProduct(x, xOff, ldx, m, w, 0f, y, yOff, ldy);
        GroupedPanels recurrent = groupedProduct(h, hOff, ldh, m, r, 1f, y, yOff, ldy);
        splitGroups(m, rows, w.cols() + r.cols(), weightBytes(w) + weightBytes(r), groups, after,
                (from, to, g, groupPanels) -> {
                    input.run(from, to, g, groupPanels);
                    addBias(bias, biasOff, m, y, yOff, ldy, from, to, g, groupPanels);
                    recurrent.run(from, to, g, groupPanels);
                });
    }

    /**
     * The product {@code Y = X . W^T + beta Y} over panels {@code [from, to)} of each group, for W of either
     * packing. A single-row product turns W's pass direction here, once per call, as {@link #multiply} does.
     */
    private static GroupedPanels groupedProduct(float[] x, int xOff, int ldx, int m, PackedMatrix w, float beta,
                                                float[] y, int yOff, int ldy) {
        if (w instanceof CompactPanels compact) {
            return (from, to, g, groupPanels) -> CompactGemm.run(x, xOff, ldx, m, compact, beta, y, yOff, ldy, from,
                    to, g, groupPanels);
        }
        PanelMatrix packed = own(w);
        if (m == 1) {
            packed.turnRowPass();
        }
        return (from, to, g, groupPanels) -> PanelGemm.run(x, xOff, ldx, 1, m, packed, 1f, beta, y, yOff, ldy, from,
                to, g, groupPanels);
    }

    /** Adds the bias to Y's columns of panels {@code [from, to)} of each group, in every one of the m rows. */
    private static void addBias(float[] bias, int biasOff, int m, float[] y, int yOff, int ldy, int from, int to,
                                int groups, int groupPanels) {
        int length = (to - from) * Lanes.PANEL;
        for (int g = 0; g < groups; g++) {
            int c0 = (g * groupPanels + from) * Lanes.PANEL;
            for (int i = 0; i < m; i++) {
                int at = yOff + i * ldy + c0;
                VectorOps.add(y, at, bias, biasOff + c0, y, at, length);
            }
        }
    }

    /**
     * The split of {@link #multiplyThen} for any packing, whose product over panels {@code [from, to)} of each of
     * {@code groups} groups of {@code groupPanels} panels is {@code kernel}: with the team, when each group starts
     * on a panel edge and the product is worth it, every thread runs a share of every group and then {@code after}
     * on those units; true when it did so (or, the team being busy, ran all of it here). False: not split, and
     * the caller runs the whole product, then {@code after} once.
     */
    private boolean splitGroups(int m, int rows, int cols, long weightBytes, int groups, UnitTask after,
                                GroupedPanels kernel) {
        int units = rows / groups;
        int groupPanels = units / Lanes.PANEL;
        if (!splitsGroups(m, rows, cols, units)) {
            return false;
        }
        boolean ran;
        if (!chunked(m, weightBytes)) {
            ran = onShares(part -> evenBound(groupPanels, part), (from, to) -> {
                kernel.run(from, to, groups, groupPanels);
                after.run(from * Lanes.PANEL, to * Lanes.PANEL);
            });
        } else {
            // Chunks of a segment per thread, so that after runs over each thread's whole run of chunks at once.
            int chunks = chunkCount(groupPanels);
            SegmentedChunks claims = new SegmentedChunks(chunks, team.size());
            ran = team.tryRun(part -> claims.runPart(part,
                    (c, next) -> kernel.run(chunkStart(groupPanels, c, chunks), chunkStart(groupPanels, next, chunks),
                            groups, groupPanels),
                    (c0, c1) -> after.run(chunkStart(groupPanels, c0, chunks) * Lanes.PANEL,
                            chunkStart(groupPanels, c1, chunks) * Lanes.PANEL)));
        }
        if (!ran) {
            // Another model holds the team: compute here rather than ask again.
            kernel.run(0, groups * groupPanels, 1, 0);
            after.run(0, units);
        }
        return true;
    }

    /**
     * Whether {@link #splitGroups} shares a grouped product of {@code m x rows x cols} multiply-adds between the
     * threads: with a team, each group starting on a panel edge, at least two panels per group, and work enough.
     */
    private boolean splitsGroups(int m, int rows, int cols, int units) {
        return team != null && units % Lanes.PANEL == 0 && units / Lanes.PANEL >= 2
                && (long) m * rows * cols >= PARALLEL_THRESHOLD;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        checkMatrix("A", a, aOff, transA ? k : m, transA ? m : k, lda);
        checkMatrix("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        checkMatrix("C", c, cOff, m, n, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (transA && !transB && n < Lanes.PANEL && (long) m * n <= OUTER_LIMIT) {
            outerProducts(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        // W = op(B)^T (n x k): element (j, p) is op(B)(p, j).
        PanelMatrix w = transB ? packOnTeam(b, bOff, n, k, ldb, 1) : packOnTeam(b, bOff, n, k, 1, ldb);
        product(a, aOff, transA ? 1 : lda, transA ? lda : 1, m, w, alpha, beta, c, cOff, ldc);
    }

    /** Most elements of C the outer-product path accumulates (64 KiB of floats: L1 or L2 resident). */
    private static final long OUTER_LIMIT = 16 * 1024;

    /**
     * C = alpha A^T B + beta C as k rank-1 updates, for a narrow C (n below a panel) and a long k: the weight
     * gradients of a recurrent cell (dW = dG^T X, dR = dG^T H with k = T x N rows). Each row p of A (stored k x m)
     * and of B is contiguous, so every update is n vector axpys of length m into a C^T kept in cache; the panel
     * path would pack all of A (k x m) for an output of m x n, which cost more than the products at the
     * study's sizes (m = 64, n = 2 or 16, k = 800). Single-threaded: such products are too small to share.
     */
    private static void outerProducts(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b,
                                      int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        float[] acc = new float[n * m];
        for (int p = 0; p < k; p++) {
            int aRow = aOff + p * lda;
            int bRow = bOff + p * ldb;
            for (int j = 0; j < n; j++) {
                VectorOps.axpy(b[bRow + j], a, aRow, acc, j * m, m);
            }
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float v = alpha * acc[j * m + i];
                c[row + j] = beta == 0f ? v : Math.fma(beta, c[row + j], v);
            }
        }
    }

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int length) {
        VectorOps.add(a, aOff, b, bOff, dst, dstOff, length);
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int length) {
        VectorOps.mul(a, aOff, b, bOff, dst, dstOff, length);
    }

    /**
     * Packs on all threads when the matrix is large: training repacks its weights at every step, and packing
     * on one thread while the other waits was a third of a 2-thread training step at batch 1.
     */
    private PanelMatrix packOnTeam(float[] w, int off, int rows, int cols, int rowStride, int colStride) {
        PanelMatrix packed = PanelMatrix.allocate(rows, cols);
        onPanels(packed.panels(), (long) rows * cols,
                (from, to) -> packed.fill(w, off, rowStride, colStride, from, to));
        return packed;
    }

    /**
     * C = alpha * A . W^T + beta * C, in fixed panel ranges or in chunks ({@link #chunked}).
     */
    private void product(float[] a, int aOff, int aRowStride, int aStep, int m, PanelMatrix w, float alpha,
                         float beta, float[] c, int cOff, int ldc) {
        long work = (long) m * w.rows() * w.cols();
        if (aStep != 1 && splitsRows(m, w, work)) {
            // Each thread packs and multiplies its own rows of A, against all of W.
            boolean ran = onShares(part -> rowBound(m, part, team.size()),
                    (from, to) -> PanelGemm.run(a, aOff + from * aRowStride, aRowStride, aStep, to - from, w, alpha,
                            beta, c, cOff + from * ldc, ldc, 0, w.panels()));
            if (!ran) {
                PanelGemm.run(a, aOff, aRowStride, aStep, m, w, alpha, beta, c, cOff, ldc, 0, w.panels());
            }
            return;
        }
        if (aStep != 1 && inChunks(m, weightBytes(w), w.panels(), work)) {
            // A strided A is packed once for all chunks.
            float[] packedA = packWholeA(a, aOff, aRowStride, aStep, m, w.cols());
            onPanelsOrChunks(m, weightBytes(w), w.panels(), work,
                    (from, to) -> PanelGemm.runPacked(packedA, m, w, alpha, beta, c, cOff, ldc, from, to, 1, 0));
            return;
        }
        // A row-major A is read in place by every range or chunk: nothing to pack first.
        onPanelsOrChunks(m, weightBytes(w), w.panels(), work,
                (from, to) -> PanelGemm.run(a, aOff, aRowStride, aStep, m, w, alpha, beta, c, cOff, ldc, from, to));
    }

    /**
     * Whether a product with a strided A (the weight gradients {@code dG^T . X}, m = G*H rows) splits A's rows
     * between the threads rather than W's panels: when A has at least as many rows as W, so that packing A
     * (which a panel split makes every thread do for all of A) is the larger share, and when every thread's rows
     * take the same k blocks as the whole product ({@link PanelGemm#kBlock} depends on m), so that each element
     * sums in the same order and the split changes no bit. Measured at 2 threads on Zen 4 (same-JVM A/B,
     * median of alternating pairs): the weight-gradient product alone 0.70x the panel split's time for LSTM
     * (100,1,256) and 0.79x for (25,1,1024), the whole training step 0.91x, 0.93x and 0.92x for (100,1,256),
     * (25,1,1024) and (25,32,512); (25,1,512) no change (0.99x).
     */
    private boolean splitsRows(int m, PanelMatrix w, long work) {
        if (team == null || work < PARALLEL_THRESHOLD || m < w.rows() || m < 2 * TileKernels.MR * team.size()) {
            return false;
        }
        int k = w.cols();
        int whole = PanelGemm.kBlock(m, k);
        for (int part = 0; part < team.size(); part++) {
            int rows = rowBound(m, part + 1, team.size()) - rowBound(m, part, team.size());
            if (PanelGemm.kBlock(rows, k) != whole) {
                return false;
            }
        }
        return true;
    }

    /** The first row of part {@code part} of {@code parts}: an even share, on a micro-panel edge. */
    private static int rowBound(int m, int part, int parts) {
        return part == parts ? m : (int) ((long) m * part / parts) / TileKernels.MR * TileKernels.MR;
    }

    /** Whether {@link #onPanelsOrChunks} hands the panels out in chunks. */
    private boolean inChunks(int m, long weightBytes, int panels, long work) {
        return team != null && chunked(m, weightBytes) && panels >= 2 && work >= PARALLEL_THRESHOLD;
    }

    /**
     * Runs {@code task} over panels {@code [0, panels)}: in chunks to whichever thread is free when
     * {@link #inChunks}, else in fixed ranges ({@link #onPanels}); on this thread alone when another model holds
     * the team.
     */
    private void onPanelsOrChunks(int m, long weightBytes, int panels, long work, PanelRange task) {
        if (!inChunks(m, weightBytes, panels, work)) {
            onPanels(panels, work, task);
        } else if (!onChunks(panels, task)) {
            task.run(0, panels);
        }
    }

    /**
     * Whether a product hands its panels out in chunks to whichever thread is free rather than in fixed ranges.
     * Fixed ranges let each core keep its share of W in its own L2 from one step to the next, which is what a
     * recurrent step with one or a few rows lives on; they are kept whenever a thread's share could stay there.
     * Otherwise W streams from L3 at every product anyway, and chunks even out cores of unequal speed (on this
     * shared VM the second thread gave 1.14x to 1.98x on the same product within minutes) and let one packing
     * of A serve every thread. One row keeps fixed ranges even then: chunking the batch-1 step was 5-10% slower
     * in same-JVM A/B runs at H = 512 and 1024.
     */
    private boolean chunked(int m, long weightBytes) {
        return m > 1 && weightBytes / team.size() > L2_SHARE_BYTES;
    }

    private static long weightBytes(PanelMatrix w) {
        return (long) w.rows() * w.cols() * Float.BYTES;
    }

    private static long weightBytes(CompactPanels w) {
        return (long) w.rows() * w.cols() * w.bytesPerWeight();
    }

    private static long weightBytes(PackedMatrix w) {
        return w instanceof CompactPanels compact ? weightBytes(compact) : weightBytes(own(w));
    }

    /**
     * {@link #product} for compact weights and a row-major X: fixed panel ranges, or chunks when a thread's
     * share of the (smaller) stored weights would not stay in its L2 ({@link #chunked}).
     */
    private void compactProduct(float[] x, int xOff, int ldx, int m, CompactPanels w, float beta, float[] y,
                                int yOff, int ldy) {
        onPanelsOrChunks(m, weightBytes(w), w.panels(), (long) m * w.rows() * w.cols(),
                (from, to) -> CompactGemm.run(x, xOff, ldx, m, w, beta, y, yOff, ldy, from, to, 1, 0));
    }

    private static float[] packWholeA(float[] a, int aOff, int aRowStride, int aStep, int m, int k) {
        float[] packedA = PanelGemm.packedABuffer(PanelGemm.packedSize(m, k));
        PanelGemm.packAll(a, aOff, aRowStride, aStep, m, k, packedA);
        return packedA;
    }

    /** The first of {@code panels} panels in chunk {@code chunk} of {@code chunks}. */
    private static int chunkStart(int panels, int chunk, int chunks) {
        return (int) ((long) panels * chunk / chunks);
    }

    /**
     * Runs {@code task} over {@code [0, panels)} in {@link #CHUNKS_PER_THREAD} chunks per thread, each taken by
     * whichever thread is free; false (nothing run) when another model holds the team.
     */
    private boolean onChunks(int panels, PanelRange task) {
        int chunks = chunkCount(panels);
        AtomicInteger next = new AtomicInteger();
        return team.tryRun(part -> {
            for (int chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                task.run(chunkStart(panels, chunk, chunks), chunkStart(panels, chunk + 1, chunks));
            }
        });
    }

    /** How many chunks a chunked product over {@code panels} takes: {@link #CHUNKS_PER_THREAD} per thread. */
    private int chunkCount(int panels) {
        return Math.min(panels, team.size() * CHUNKS_PER_THREAD);
    }

    /**
     * Runs {@code task} over panels {@code [0, panels)}: in fixed contiguous ranges, one per thread, when the
     * job is worth a hand-off ({@code work} floats or multiply-adds), else on the calling thread alone. The
     * ranges are the same for every call on the same matrix, so each thread keeps meeting its own panels.
     */
    private void onPanels(int panels, long work, PanelRange task) {
        if (team == null || panels < 2 || work < PARALLEL_THRESHOLD) {
            task.run(0, panels);
            return;
        }
        if (!onShares(part -> evenBound(panels, part), task)) {
            // Another model holds the team: compute here rather than wait.
            task.run(0, panels);
        }
    }

    /**
     * Runs {@code task} on the team over one fixed range per thread: part i gets {@code [start(i), start(i+1))}
     * (an empty range is skipped); false (nothing run) when another model holds the team.
     */
    private boolean onShares(IntUnaryOperator start, PanelRange task) {
        return team.tryRun(part -> {
            int from = start.applyAsInt(part);
            int to = start.applyAsInt(part + 1);
            if (from < to) {
                task.run(from, to);
            }
        });
    }

    /** The start of part {@code part} of {@code count} items split evenly between the team's threads. */
    private int evenBound(int count, int part) {
        return (int) ((long) count * part / team.size());
    }

    /** Work over a range of panels. */
    @FunctionalInterface
    private interface PanelRange {
        void run(int from, int to);
    }

    /** A product over panels {@code [from, to)} of each of {@code groups} groups of {@code groupPanels} panels. */
    @FunctionalInterface
    private interface GroupedPanels {
        void run(int from, int to, int groups, int groupPanels);
    }

    private static PanelMatrix own(PackedMatrix w) {
        if (w instanceof PanelMatrix packed) {
            return packed;
        }
        throw new IllegalArgumentException("matrix packed by backend '" + Objects.requireNonNull(w).backend()
                + "' cannot be used by the simd backend; pack it with this backend");
    }

    private static void checkMatrix(String name, float[] data, int off, int rows, int cols, int ld) {
        Matrices.checkFits(name, data, off, rows, cols, ld);
    }

    @Override
    public String toString() {
        return describe();
    }
}
