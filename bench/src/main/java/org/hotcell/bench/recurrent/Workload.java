package org.hotcell.bench.recurrent;

import java.util.Random;

import org.hotcell.cells.StandardCells;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;

/**
 * One benchmarked recurrent layer: cell type, sequence length T, batch N, hidden size H (input size I = H) and
 * the activation of the candidate (and, for LSTM, output) role. Written {@code lstm/25x32x512/tanh}, the form
 * JMH's {@code @Param} carries.
 *
 * <p>Weights and inputs are drawn from fixed seeds, so every engine in a run (Hotcell on either backend, ONNX
 * Runtime, Deeplearning4j) sees the same numbers. Weights are uniform in {@code [-1/sqrt(H), 1/sqrt(H)]}, the
 * usual default initialisation, which keeps a relu cell's state bounded over the benchmarked lengths.
 *
 * @param cell       {@code lstm} or {@code gru}
 * @param steps      T
 * @param batch      N
 * @param hidden     H (and I)
 * @param activation candidate activation ({@code tanh} or {@code relu}); LSTM uses it for the output role too
 */
public record Workload(String cell, int steps, int batch, int hidden, String activation) {

    public Workload {
        if (!cell.equals("lstm") && !cell.equals("gru")) {
            throw new IllegalArgumentException("cell must be lstm or gru, got '" + cell + "'");
        }
        if (steps < 1 || batch < 1 || hidden < 1) {
            throw new IllegalArgumentException("T, N and H must be positive, got " + steps + "x" + batch + "x" + hidden);
        }
    }

    /**
     * Parses {@code cell/TxNxH/activation}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Workload parse(String text) {
        String[] parts = text.split("/");
        String[] dims = parts.length == 3 ? parts[1].split("x") : new String[0];
        if (dims.length != 3) {
            throw new IllegalArgumentException("workload '" + text + "' is not of the form cell/TxNxH/activation,"
                    + " e.g. lstm/25x32x512/tanh");
        }
        try {
            return new Workload(parts[0], Integer.parseInt(dims[0]), Integer.parseInt(dims[1]),
                    Integer.parseInt(dims[2]), parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("workload '" + text + "' has a dimension that is not an integer", e);
        }
    }

    /** Input size I, equal to H in every benchmarked shape. */
    public int input() {
        return hidden;
    }

    /** Gate blocks: 4 for LSTM, 3 for GRU. */
    public int gates() {
        return cell.equals("lstm") ? 4 : 3;
    }

    /**
     * Floating-point operations of one forward pass, counting a multiply-add as 2: LSTM
     * {@code 8*T*N*H*(I+H)}, GRU {@code 6*T*N*H*(I+H)} (the matrix products; gate arithmetic is left out).
     */
    public double forwardFlops() {
        return 2.0 * gates() * steps * batch * hidden * (double) (input() + hidden);
    }

    /** A training step (forward, backward, update) is counted as three forward passes. */
    public double trainingFlops() {
        return 3 * forwardFlops();
    }

    /** The Hotcell cell type. */
    public CellType cellType() {
        return cell.equals("lstm") ? StandardCells.lstm() : StandardCells.gru();
    }

    /** The Hotcell cell spec: the candidate (and LSTM output) role set to {@link #activation()}. */
    public CellSpec spec() {
        CellSpec.Builder builder = CellSpec.builder(cell).inputSize(input()).hiddenSize(hidden)
                .activation("candidate", activation);
        if (cell.equals("lstm")) {
            builder.activation("output", activation);
        }
        return builder.build();
    }

    /** Weights with biases, in ONNX layout, from a fixed seed. */
    public CellWeights weights() {
        Random random = new Random(7L * hidden + gates());
        float scale = (float) (1 / Math.sqrt(hidden));
        int gh = gates() * hidden;
        return new CellWeights(uniform(random, gh * input(), scale), uniform(random, gh * hidden, scale),
                uniform(random, gh, scale), uniform(random, gh, scale), null);
    }

    /** The input, time-major {@code [T, N, I]}, uniform in [-1, 1], from a fixed seed. */
    public float[] inputs() {
        return uniform(new Random(11L * steps + batch), steps * batch * input(), 1f);
    }

    /** A loss gradient for the outputs {@code [T, N, H]}, for training steps. */
    public float[] outputGradient() {
        return uniform(new Random(13L * steps + batch), steps * batch * hidden, 1e-2f);
    }

    /** The same layer over the first {@code count} steps (for self-checks that need not run the whole length). */
    public Workload firstSteps(int count) {
        return new Workload(cell, Math.min(count, steps), batch, hidden, activation);
    }

    private static float[] uniform(Random random, int length, float scale) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (random.nextFloat() * 2 - 1) * scale;
        }
        return values;
    }

    @Override
    public String toString() {
        return cell + "/" + steps + "x" + batch + "x" + hidden + "/" + activation;
    }
}
