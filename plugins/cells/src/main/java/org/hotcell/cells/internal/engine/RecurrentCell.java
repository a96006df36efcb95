package org.hotcell.cells.internal.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.Matrices;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.UnitTask;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * The part every gated recurrent cell shares: the input product over all steps at once, the time loop with
 * per-item lengths and directions, states, streaming steps, and the frame of backpropagation through time.
 * A subclass supplies one step forward ({@link #advance}) and one step backward ({@link #backStep}).
 *
 * <p>Forward computes {@code Gx = X . W^T + inputBias} with one product over all {@code T*N} rows (W packed
 * once when the cell is made, then changed in place by {@link #addToWeights}), then for each step gathers the rows of the streams still running into a
 * {@code [N, G*H]} block and lets the subclass add the recurrent product and update the state. Everything
 * the loop touches is allocated before it.
 *
 * <p>A trace refers to the input array rather than copying it (backward needs X for {@code dW}): callers must
 * not change the input between a traced forward pass and its backward pass.
 */
public abstract class RecurrentCell implements Cell {
    protected final CellSpec spec;
    protected final Backend backend;
    /** I, H, G and G*H. */
    protected final int inputSize;
    protected final int hidden;
    protected final int gates;
    protected final int width;
    protected final float clip;
    protected final boolean clipped;
    private final boolean hasCell;
    private final PackedMatrix packedW;
    /** Wb and Rb as given (copies), or null where absent or the bias option is off: what updates change. */
    private final float[] wBias;
    private final float[] rBias;
    /** The peephole weights (a copy), or null for none; the LSTM reads them, updates change them. */
    protected final float[] peepholes;
    private final BiasFold biasFold;
    /** The one bias added to {@code X . W^T}: {@link #biasFold} of Wb and Rb, folded again after each update. */
    private final float[] inputBias;
    private final Map<String, Activation> activations;
    /** Counts weight updates, so that backward can refuse a trace made with older weights. */
    private int version;
    /** One spare workspace for {@link #step}, so streaming allocates only when threads collide. */
    private final AtomicReference<Workspace> spare = new AtomicReference<>();
    /** One spare workspace for {@link #forward}, kept between passes (threads that collide allocate). */
    private final AtomicReference<Workspace> spareForward = new AtomicReference<>();
    /**
     * The last forward pass's {@code X . W^T} array, kept for the next one: a fresh one is zeroed by the JVM and
     * then overwritten whole by the product (0.3 ms for the 6.5 MB of a 25 x 32 x 512 LSTM pass, 1% of it).
     * Threads that collide allocate; arrays above {@link #KEPT_GX_FLOATS} are not kept.
     */
    private final AtomicReference<float[]> spareGx = new AtomicReference<>();
    /**
     * Streams per step from which a pass computes {@code X . W^T} step by step ({@link #inputPerStep}): with fewer
     * rows, a per-step product streams all of W for little work, and the product over all steps is faster.
     */
    static final int PER_STEP_MIN_BATCH = 16;
    /**
     * Floats of W and R together (16 MiB) above which a pass computes {@code X . W^T} over all steps whatever the
     * batch ({@link #inputPerStep}): step by step, each step streams W and then R, and above this the two do not
     * stay in the last-level cache beside each other, so both come from memory every step.
     */
    static final long PER_STEP_MAX_WEIGHT_FLOATS = 1L << 22;
    /** The largest Gx a cell keeps between passes: 16 MiB. */
    private static final int KEPT_GX_FLOATS = 1 << 22;

    /**
     * The cell type's way of turning Wb and Rb into the one bias added to every row of {@code X . W^T}
     * ({@code [G*H]}, zeros for none). It is run when the cell is made and again after every update, on the
     * cell's own copies of the biases, so that an updated cell and one made from the updated weights add the
     * same floats.
     */
    @FunctionalInterface
    protected interface BiasFold {
        /** The input bias of a cell of {@code spec} whose biases are {@code biases.wBias()}, {@code biases.rBias()}. */
        float[] fold(CellSpec spec, CellWeights biases);
    }

    /**
     * @param biasFold how the cell type turns Wb and Rb into the bias added to {@code X . W^T}
     */
    protected RecurrentCell(CellSpec spec, int gates, boolean hasCell, CellWeights weights,
                            Map<String, Activation> activations, Backend backend, BiasFold biasFold) {
        this.spec = spec;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.inputSize = spec.inputSize();
        this.hidden = spec.hiddenSize();
        this.gates = gates;
        this.width = gates * hidden;
        this.clip = spec.options().clip();
        this.clipped = spec.options().clipped();
        this.hasCell = hasCell;
        this.packedW = backend.pack(weights.w(), 0, width, inputSize);
        boolean bias = spec.options().bias();
        this.wBias = bias && weights.wBias() != null ? weights.wBias().clone() : null;
        this.rBias = bias && weights.rBias() != null ? weights.rBias().clone() : null;
        this.peepholes = spec.options().peepholes() && weights.peepholes() != null ? weights.peepholes().clone()
                : null;
        this.biasFold = biasFold;
        this.inputBias = biasFold.fold(spec, biases());
        this.activations = Map.copyOf(activations);
    }

    @Override
    public final CellSpec spec() {
        return spec;
    }

    @Override
    public final Activation activation(String role) {
        Activation activation = activations.get(role);
        if (activation == null) {
            throw new InvalidSpecException("cell type '" + spec.cellType() + "' has no activation role '" + role
                    + "'; its roles are " + activations.keySet().stream().sorted().toList());
        }
        return activation;
    }

    @Override
    public final CellState zeroState(int batch) {
        return CellState.zeros(batch, hidden, hasCell);
    }

    // ---------------------------------------------------------------- forward

    @Override
    public final ForwardPass forward(SequenceBatch x, CellState initial, boolean reverse, boolean keepTrace) {
        Objects.requireNonNull(x, "x");
        checkInput(x);
        int steps = x.steps();
        int batch = x.batch();
        int rows = steps * batch;
        CellState state = initial == null ? zeroState(batch) : checkState("initial state", initial, batch).copy();
        int[] lengths = new int[batch];
        for (int n = 0; n < batch; n++) {
            lengths[n] = x.length(n);
        }
        boolean perStep = inputPerStep(batch, steps, reverse, lengths, (long) width * (inputSize + hidden));
        float[] gx = perStep ? null : takeGx(rows * width);
        if (rows > 0 && !perStep) {
            backend.multiply(x.data(), x.offset(), inputSize, rows, packedW, gx, 0, width, false);
            backend.addRowVector(gx, 0, width, rows, width, inputBias, 0);
        }
        float[] y = new float[rows * hidden];
        Trace trace = keepTrace ? new Trace(this, version, x, reverse, lengths, rows, width, hidden, hasCell,
                tracesExtra()) : null;
        Workspace ws = takeWorkspace(batch);
        ws.out(y);
        // The step reads h and its tasks write the new h to the other array (and to y); then the two swap.
        float[] h = state.h();
        float[] hOut = ws.hNext;
        float[] c = state.c();
        boolean timeMajor = x.layout() == Layout.TIME_MAJOR;
        for (int s = 0; s < steps; s++) {
            int running = 0;
            boolean adjacent = true;
            for (int n = 0; n < batch; n++) {
                int len = lengths[n];
                if (s < len) {
                    int t = reverse ? len - 1 - s : s;
                    int row = timeMajor ? t * batch + n : n * steps + t;
                    ws.rows[n] = row;
                    ws.outRows[n] = t * batch + n;
                    adjacent &= row == ws.rows[0] + n;
                    running++;
                } else {
                    ws.rows[n] = -1;
                    adjacent = false;
                }
            }
            if (running == 0) {
                break; // every sequence has ended; later steps cannot start one again
            }
            if (perStep) {
                inputOfStep(x, reverse ? lengths[0] - 1 - s : s, ws);
            } else if (adjacent) {
                // The step's rows of Gx are its gate block already: the step works on them in place (Gx is this
                // pass's own array, and each row serves one step only).
                ws.gatesIn(gx, ws.rows[0] * width);
            } else {
                ws.gatesInScratch();
                for (int n = 0; n < batch; n++) {
                    if (ws.rows[n] >= 0) {
                        System.arraycopy(gx, ws.rows[n] * width, ws.g, n * width, width);
                    } else {
                        Arrays.fill(ws.g, n * width, (n + 1) * width, 0f);
                    }
                }
            }
            ws.hOut(hOut);
            advance(ws, h, c, trace);
            if (running < batch) {
                // Streams that have ended keep their h.
                for (int n = 0; n < batch; n++) {
                    if (ws.rows[n] < 0) {
                        System.arraycopy(h, n * hidden, hOut, n * hidden, hidden);
                    }
                }
            }
            float[] before = h;
            h = hOut;
            hOut = before;
        }
        if (h != state.h()) {
            System.arraycopy(h, 0, state.h(), 0, batch * hidden);
        }
        // Nothing refers to Gx after the pass (the trace keeps its own copies of the pre-activations).
        if (gx != null && gx.length <= KEPT_GX_FLOATS) {
            spareGx.set(gx);
        }
        keepWorkspace(ws);
        return new ForwardPass(y, state, trace);
    }

    /**
     * A workspace for a forward pass over {@code batch} streams: the one the last pass left, when it was for as
     * many streams, else a new one. Allocating it afresh zeroed 0.7 MB per 25 x 32 x 512 LSTM pass.
     */
    private Workspace takeWorkspace(int batch) {
        Workspace kept = spareForward.getAndSet(null);
        return kept != null && kept.batch == batch ? kept : newWorkspace(batch);
    }

    /** Keeps a pass's workspace for the next, holding on to nothing of the pass (state, trace, output). */
    private void keepWorkspace(Workspace ws) {
        ws.bind(null, null, null);
        ws.inputTaken();
        ws.out(null);
        ws.hOut(ws.hNext);
        spareForward.set(ws);
    }

    /**
     * Whether a pass computes {@code X . W^T} step by step, just before each step's recurrent product, rather than
     * over all steps at once: when every step has rows enough ({@link #PER_STEP_MIN_BATCH}) for a product as
     * fast as the one over all steps, and every running stream is at the same time index at each step (always
     * forward; in reverse only when all lengths are equal), and W and R are small enough to stay in cache side by
     * side ({@link #PER_STEP_MAX_WEIGHT_FLOATS}).
     *
     * <p>Why: the product over all steps writes {@code T*N*G*H} floats (6.5 MB for a 25 x 32 x 512 LSTM) that
     * have left the caches by the time their step comes, and each step's recurrent product then reads and writes
     * its block of them from memory. Step by step, the block is written into the workspace just before and is
     * still in L2. Measured on Zen 4 at 1 thread (25 x 32 x 512 LSTM, products alone): the 25 recurrent products
     * take 16.2 ms adding into the blocks of an all-steps Gx and 15.0 ms adding into a block in cache. Whole
     * forward passes, same-JVM A/B (median of alternating pairs): 0.97x the time for the LSTM and 0.96x for the
     * GRU at 25 x 32 x 512 (0.97x for both at 2 threads), 0.99x for the LSTM at 25 x 64 x 1024 and for a
     * 25 x 32 x 512 training step. On Zen 5 (32 MiB L3), after the products over all rows began to stream W once
     * (PanelGemm's row blocks), the 25 x 64 x 1024 LSTM (W and R 32 MiB) took 0.97x and 0.99x the time (tanh,
     * relu) over all steps, while at 25 x 32 x 512 (8 MiB) step by step stayed ahead (LSTM 0.99x, GRU 0.97x).
     *
     * <p>Each element is the same sum either way as long as the k blocks of the product ({@code I} in blocks of
     * the backend's choosing) do not depend on the rows: true for the SIMD backend whenever {@code I <= 512}.
     * Above, a pass may round differently from an all-steps one (still deterministic for the same shapes).
     */
    static boolean inputPerStep(int batch, int steps, boolean reverse, int[] lengths, long weightFloats) {
        if (batch < PER_STEP_MIN_BATCH || steps < 2 || weightFloats > PER_STEP_MAX_WEIGHT_FLOATS) {
            return false;
        }
        if (reverse) {
            for (int length : lengths) {
                if (length != lengths[0]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Puts step {@code t}'s {@code X . W^T + inputBias} for every stream into the workspace's gate block, or
     * leaves it pending for the step's own product when the cell type takes it there ({@link
     * #advancesInOneProduct}). Rows of streams that have ended are computed from their padding; a block computed
     * here has them zeroed, as a step of several products expects.
     */
    private void inputOfStep(SequenceBatch x, int t, Workspace ws) {
        int batch = ws.batch;
        boolean timeMajor = x.layout() == Layout.TIME_MAJOR;
        int xOff = x.offset() + (timeMajor ? t * batch : t) * inputSize;
        int ldx = timeMajor ? inputSize : x.steps() * inputSize;
        inputIntoWorkspace(x.data(), xOff, ldx, ws);
        if (ws.input() == null) {
            for (int n = 0; n < batch; n++) {
                if (ws.rows[n] < 0) {
                    Arrays.fill(ws.g, n * width, (n + 1) * width, 0f);
                }
            }
        }
    }

    /**
     * {@code X . W^T + inputBias} for the workspace's streams (row n of X at {@code x[xOff + n*ldx]}) into its
     * gate block, {@link Workspace#g}.
     */
    private void inputIntoWorkspace(float[] x, int xOff, int ldx, Workspace ws) {
        if (advancesInOneProduct()) {
            ws.inputPending(x, xOff, ldx);
            return;
        }
        ws.gatesInScratch();
        backend.multiply(x, xOff, ldx, ws.batch, packedW, ws.g, 0, width, false);
        backend.addRowVector(ws.g, 0, width, ws.batch, width, inputBias, 0);
    }

    /**
     * Whether the cell type's {@link #advance} is {@link #advanceOneProduct}, which then computes a step's input
     * product together with its recurrent product ({@link Backend#multiplyPairThen}): one hand-off to a
     * multi-threaded backend per step instead of two. False for a step of several products (the GRU's).
     */
    protected boolean advancesInOneProduct() {
        return false;
    }

    /**
     * An array of at least {@code floats} for a pass's {@code X . W^T}: the kept one when it is large enough,
     * else a new one. Its contents are stale; the product overwrites the {@code floats} the pass uses.
     */
    private float[] takeGx(int floats) {
        float[] kept = spareGx.getAndSet(null);
        return kept != null && kept.length >= floats ? kept : new float[floats];
    }

    @Override
    public final void step(float[] x, int xOff, CellState state) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(state, "state");
        int batch = state.batch();
        checkState("state", state, batch);
        long needed = (long) xOff + (long) batch * inputSize;
        if (xOff < 0 || needed > x.length) {
            throw new ShapeMismatchException("step input of " + spec.cellType() + " cell: " + batch + " streams x "
                    + inputSize + " features from offset " + xOff + " need " + needed + " floats, the array has "
                    + x.length);
        }
        if (batch == 0) {
            return;
        }
        Workspace ws = spare.getAndSet(null);
        if (ws == null || ws.batch != batch) {
            ws = newWorkspace(batch);
        }
        inputIntoWorkspace(x, xOff, inputSize, ws);
        for (int n = 0; n < batch; n++) {
            ws.rows[n] = n;
        }
        advance(ws, state.h(), state.c(), null);
        commitHidden(ws, state.h());
        spare.set(ws);
    }

    /**
     * One step for the streams whose {@code ws.rows[n] >= 0}: {@link Workspace#gates()} holds their input part
     * {@code Gx} from {@link Workspace#gatesBase()} (zero rows for the others); add the recurrent part, apply the activations, and update
     * {@code h} (and {@code c}) of those streams in place. With a trace, record what backward needs at each
     * stream's storage row. Must not allocate.
     *
     * <p>The element-wise work goes in the cell type's {@link #unitTasks}, handed to
     * {@link Backend#multiplyThen} with the recurrent product, so that it runs per range of hidden units on the
     * thread that computed them; the tasks write the new h to {@link Workspace#hOut()}, never to h, which other
     * threads may still be reading. The caller of advance makes it the state: a pass swaps the two arrays, a
     * streaming step copies it over h ({@link #commitHidden}).
     */
    protected abstract void advance(Workspace ws, float[] h, float[] c, Trace trace);

    /**
     * The cell type's element-wise steps over a range of hidden units, bound to {@code ws} (they read the step's
     * state from {@link Workspace#h()}, {@link Workspace#c()} and {@link Workspace#trace()}). Made once per
     * workspace.
     */
    protected abstract UnitTask[] unitTasks(Workspace ws);

    /**
     * {@link #advance} for a cell type whose step is one recurrent product over all its gates ({@code r} packed,
     * {@code width x hidden}) followed by its single unit task: LSTM and RNN (GRU's reset gate needs two). When
     * the step's input product is pending in the workspace, it is computed in the same backend call.
     */
    protected final void advanceOneProduct(PackedMatrix r, Workspace ws, float[] h, float[] c, Trace trace) {
        ws.bind(h, c, trace);
        float[] input = ws.input();
        if (input != null) {
            ws.inputTaken();
            backend.multiplyPairThen(input, ws.inputOff(), ws.inputLd(), packedW, inputBias, 0, h, 0, hidden, r,
                    ws.batch, ws.gates(), ws.gatesBase(), width, gates, ws.task(0));
        } else {
            backend.multiplyThen(h, 0, hidden, ws.batch, r, ws.gates(), ws.gatesBase(), width, true, gates,
                    ws.task(0));
        }
    }

    /** Copies the new hidden state of the running streams from {@link Workspace#hOut()} to h. */
    private void commitHidden(Workspace ws, float[] h) {
        float[] next = ws.hOut();
        for (int n = 0; n < ws.batch; n++) {
            if (ws.rows[n] >= 0) {
                System.arraycopy(next, n * hidden, h, n * hidden, hidden);
            }
        }
    }

    /**
     * A workspace with the cell type's unit tasks bound to it, the last of which (the one that writes the new h)
     * also copies its units of the new h to the pass's output, on its own thread.
     */
    private Workspace newWorkspace(int batch) {
        Workspace ws = new Workspace(batch, width, hidden);
        UnitTask[] tasks = unitTasks(ws);
        UnitTask last = tasks[tasks.length - 1];
        tasks[tasks.length - 1] = (from, to) -> {
            last.run(from, to);
            ws.copyOut(from, to, hidden);
        };
        ws.tasks(tasks);
        return ws;
    }

    /** Whether the trace keeps a per-row {@code [H]} extra array for this cell type. */
    protected abstract boolean tracesExtra();

    // ---------------------------------------------------------------- backward

    /** The gradient buffers of one backward pass. */
    protected static final class Gradients {
        /** {@code d loss / d R}, {@code [G*H, H]}. */
        public final float[] dR;
        /** {@code d loss / d Rb}, {@code [G*H]}, or null without bias. */
        public final float[] dRb;
        /** {@code d loss / d P}, {@code [3*H]}, or null without peepholes. */
        public final float[] dP;
        /** Per-row scratch a cell type may ask for ({@link #backwardScratchWidth}), or null. */
        public final float[] scratch;

        Gradients(int rByH, int width, boolean bias, int peepholes, int scratchLength) {
            dR = new float[rByH];
            dRb = bias ? new float[width] : null;
            dP = peepholes > 0 ? new float[peepholes] : null;
            scratch = scratchLength > 0 ? new float[scratchLength] : null;
        }
    }

    @Override
    public final CellGradients backward(ForwardPass pass, float[] dy, CellState dLast) {
        return backward(pass, dy, dLast, true);
    }

    @Override
    public final CellGradients backward(ForwardPass pass, float[] dy, CellState dLast, boolean inputGradient) {
        Objects.requireNonNull(pass, "pass");
        if (!(pass.trace() instanceof Trace trace)) {
            throw new IllegalArgumentException("backward needs a forward pass made with keepTrace = true");
        }
        if (trace.owner != this) {
            throw new IllegalArgumentException("the forward pass was made by another cell; run backward on the cell"
                    + " that made it");
        }
        if (trace.version != version) {
            throw new IllegalArgumentException("the forward pass was made before the last update of the weights of "
                    + describeCell() + "; its gradients would mix old and new weights: run forward again");
        }
        SequenceBatch x = trace.x;
        int steps = x.steps();
        int batch = x.batch();
        int rows = steps * batch;
        if (dy != null) {
            ShapeMismatchException.check("length of dy for " + steps + " steps x " + batch + " items x " + hidden
                    + " units", dy.length, (long) rows * hidden);
        }
        float[] dH = new float[batch * hidden];
        float[] dC = hasCell ? new float[batch * hidden] : null;
        if (dLast != null) {
            // A loss on h alone is common, so an LSTM's dLast may leave c out (zero); the rest must fit.
            checkState("dLast", dLast.hasCell() || !hasCell ? dLast : CellState.of(batch, hidden, dLast.h(),
                    new float[batch * hidden]), batch);
            System.arraycopy(dLast.h(), 0, dH, 0, dH.length);
            if (hasCell && dLast.hasCell()) {
                System.arraycopy(dLast.c(), 0, dC, 0, dC.length);
            }
        }
        float[] dG = new float[rows * width];
        Gradients grads = new Gradients(width * hidden, width, spec.options().bias(),
                spec.options().peepholes() ? 3 * hidden : 0, rows * backwardScratchWidth());
        Workspace ws = newWorkspace(batch);
        int[] lengths = trace.lengths;
        boolean timeMajor = x.layout() == Layout.TIME_MAJOR;
        for (int s = steps - 1; s >= 0; s--) {
            int running = 0;
            for (int n = 0; n < batch; n++) {
                int len = lengths[n];
                if (s < len) {
                    int t = trace.reverse ? len - 1 - s : s;
                    ws.rows[n] = timeMajor ? t * batch + n : n * steps + t;
                    running++;
                    if (dy != null) {
                        int yOff = (t * batch + n) * hidden;
                        int hOff = n * hidden;
                        for (int j = 0; j < hidden; j++) {
                            dH[hOff + j] += dy[yOff + j];
                        }
                    }
                } else {
                    ws.rows[n] = -1;
                }
            }
            if (running > 0) {
                backStep(ws, dH, dC, trace, dG, grads);
            }
        }
        float[] dW = new float[width * inputSize];
        float[] dx = inputGradient ? new float[rows * inputSize] : null;
        if (rows > 0) {
            // dW = dG^T . X and dX = dG . W, each one product over every row of every step.
            backend.gemm(true, false, width, inputSize, rows, 1f, dG, 0, width, x.data(), x.offset(), inputSize,
                    0f, dW, 0, inputSize);
            if (inputGradient) {
                backend.multiplyUntransposed(dG, 0, width, rows, packedW, dx, 0, inputSize, false);
            }
        }
        recurrentGradients(trace, dG, rows, grads);
        float[] dWb = null;
        if (spec.options().bias()) {
            dWb = new float[width];
            Kernels.addColumnSums(dG, rows, width, 0, width, dWb, 0);
        }
        CellWeights dWeights = new CellWeights(dW, grads.dR, dWb, grads.dRb, grads.dP);
        return new CellGradients(dx, CellState.of(batch, hidden, dH, dC), dWeights);
    }

    /**
     * One step back for the streams whose {@code ws.rows[n] >= 0} (their storage row): {@code dH} (and
     * {@code dC}) hold the loss gradient with respect to the state after the step; replace them, for those
     * streams only, with the gradient with respect to the state before it. Write the gradient with respect to
     * the gate pre-activations at the storage rows of {@code dG}, and accumulate peephole gradients.
     */
    protected abstract void backStep(Workspace ws, float[] dH, float[] dC, Trace trace, float[] dG,
                                     Gradients grads);

    /** Fills {@code grads.dR} and {@code grads.dRb} from the per-row gradients once the time loop is done. */
    protected abstract void recurrentGradients(Trace trace, float[] dG, int rows, Gradients grads);

    /** Floats per storage row of backward scratch this cell type needs (0 for none). */
    protected int backwardScratchWidth() {
        return 0;
    }

    // ---------------------------------------------------------------- updates

    @Override
    public final boolean updatesInPlace() {
        return backend.addsInPlace();
    }

    /**
     * W through the backend, R through {@link #addToRecurrent}; the biases and peepholes are the cell's own
     * copies, updated with the same float expression, and the input bias is folded again from them.
     */
    @Override
    public final void addToWeights(CellWeights delta, float alpha) {
        update(delta, alpha, null);
    }

    /**
     * W and R with their master copies in one pass each ({@link Backend#addTo(PackedMatrix, float, float[], int,
     * float[], int)}), the biases and peepholes of both alike.
     */
    @Override
    public final void addToWeights(CellWeights delta, float alpha, CellWeights master) {
        Objects.requireNonNull(master, "master");
        update(delta, alpha, master);
    }

    private void update(CellWeights delta, float alpha, CellWeights master) {
        Objects.requireNonNull(delta, "delta");
        if (!backend.addsInPlace()) {
            throw new UnsupportedOperationException(describeCell() + " cannot update its weights in place: backend '"
                    + backend.name() + "' cannot update packed weights; update the weights and create the cell again");
        }
        checkDelta(delta);
        if (master != null) {
            // The master's shapes are checked before anything changes, like the delta's (addScaled checks all
            // of its tensors before it adds to any).
            ShapeMismatchException.check("length of the master W of " + describeCell(), master.w().length,
                    delta.w().length);
            ShapeMismatchException.check("length of the master R of " + describeCell(), master.r().length,
                    delta.r().length);
            CellWeights.addScaled(new CellWeights(null, null, master.wBias(), master.rBias(), master.peepholes()),
                    alpha, new CellWeights(null, null, delta.wBias(), delta.rBias(), delta.peepholes()));
            backend.addTo(packedW, alpha, delta.w(), 0, master.w(), 0);
        } else {
            backend.addTo(packedW, alpha, delta.w(), 0);
        }
        addToRecurrent(delta.r(), alpha, master == null ? null : master.r());
        add(wBias, alpha, delta.wBias());
        add(rBias, alpha, delta.rBias());
        add(peepholes, alpha, delta.peepholes());
        if (delta.wBias() != null || delta.rBias() != null) {
            System.arraycopy(biasFold.fold(spec, biases()), 0, inputBias, 0, width);
            biasesChanged();
        }
        version++;
    }

    /**
     * {@code R += alpha * dR} on the cell type's packed recurrent weights ({@code dR} is {@code [G*H, H]}), and on
     * {@code masterR} (the row-major R the caller keeps) when it is not null, through
     * {@link Backend#addTo(PackedMatrix, float, float[], int, float[], int)}.
     */
    protected abstract void addToRecurrent(float[] dR, float alpha, float[] masterR);

    /** Called after an update changed the biases, for a cell type that keeps more of them than the input bias. */
    protected void biasesChanged() {
    }

    /** The cell's current Rb (its own copy), or null when it has none. */
    protected final float[] recurrentBias() {
        return rBias;
    }

    private CellWeights biases() {
        return new CellWeights(null, null, wBias, rBias, null);
    }

    /** Every check before anything changes, so that a bad delta leaves the cell as it was. */
    private void checkDelta(CellWeights delta) {
        String cell = describeCell();
        requireDelta("input weights W of " + cell, delta.w(), true, true, (long) width * inputSize);
        requireDelta("recurrent weights R of " + cell, delta.r(), true, true, (long) width * hidden);
        requireDelta("input bias Wb of " + cell, delta.wBias(), false, wBias != null, width);
        requireDelta("recurrent bias Rb of " + cell, delta.rBias(), false, rBias != null, width);
        requireDelta("peepholes P of " + cell, delta.peepholes(), false, peepholes != null, 3L * hidden);
    }

    /**
     * @param required the update must give this tensor (W and R; a null bias or peephole update changes nothing)
     * @param present  the cell has this tensor
     */
    private static void requireDelta(String what, float[] d, boolean required, boolean present, long length) {
        if (d == null) {
            if (required) {
                throw new ShapeMismatchException("update of " + what + " is missing; expected " + length + " floats");
            }
            return;
        }
        if (!present) {
            throw new ShapeMismatchException("update gives " + what + ", which the cell does not have");
        }
        ShapeMismatchException.check("length of the update of " + what, d.length, length);
    }

    /** {@code into = into + alpha * d}, element by element: the expression {@link Cell#addToWeights} promises. */
    private static void add(float[] into, float alpha, float[] d) {
        if (into != null && d != null) {
            Matrices.addScaled(alpha, d, 0, into, 0, into.length);
        }
    }

    // ---------------------------------------------------------------- checks

    private void checkInput(SequenceBatch x) {
        if (x.features() != inputSize) {
            throw new ShapeMismatchException("input X of " + describeCell() + " has " + x.features()
                    + " features per step, expected the cell's input size " + inputSize);
        }
    }

    /** Messages are built only on failure: {@link #step} calls this for every step of a stream. */
    private CellState checkState(String what, CellState state, int batch) {
        if (state.batch() != batch) {
            ShapeMismatchException.check("batch of " + what + " of " + describeCell(), state.batch(), batch);
        }
        if (state.hidden() != hidden) {
            ShapeMismatchException.check("hidden size of " + what + " of " + describeCell(), state.hidden(), hidden);
        }
        if (state.hasCell() != hasCell) {
            throw new ShapeMismatchException(what + " of " + describeCell() + (hasCell
                    ? " lacks the cell state c this cell type needs" : " has a cell state c this cell type lacks"));
        }
        return state;
    }

    /** E.g. {@code lstm cell (input 4, hidden 8)}. */
    protected final String describeCell() {
        return spec.cellType() + " cell (input " + inputSize + ", hidden " + hidden + ")";
    }
}
