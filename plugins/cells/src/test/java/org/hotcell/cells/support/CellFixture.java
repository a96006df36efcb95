package org.hotcell.cells.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.hotcell.cells.internal.gru.GruCellType;
import org.hotcell.cells.internal.lstm.LstmCellType;
import org.hotcell.cells.internal.rnn.RnnCellType;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellRole;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;

/**
 * A cell with random weights, a random input batch and optional initial state, and the same setup as a
 * {@link ReferenceRecurrence} in double: what the differential and gradient tests compare.
 */
public final class CellFixture {
    public final CellType type;
    public final CellSpec spec;
    public final CellWeights weights;
    public final TestActivations activations;
    public final Cell cell;
    public final Scenario scenario;
    public final float[] x;
    public final CellState initial;

    /**
     * The shape of an input batch.
     *
     * @param lengths     null for full lengths
     * @param withInitial give a random initial state (else the cell starts from zeros)
     */
    public record Scenario(int steps, int batch, Layout layout, int[] lengths, boolean reverse, boolean withInitial) {

        /** Time-major, full lengths, forward, zero initial state. */
        public static Scenario plain(int steps, int batch) {
            return new Scenario(steps, batch, Layout.TIME_MAJOR, null, false, false);
        }

        @Override
        public String toString() {
            return "T=" + steps + " N=" + batch + " " + layout + (lengths == null ? "" : " lengths="
                    + java.util.Arrays.toString(lengths)) + (reverse ? " reverse" : "") + (withInitial ? " initial" : "");
        }
    }

    public CellFixture(CellSpec spec, TestActivations activations, Scenario scenario, long seed, float weightScale) {
        this(spec, activations, activations, scenario, seed, weightScale);
    }

    /**
     * A fixture whose cell takes its activations from {@code cellActivations} (say the real plugin through a
     * registry) while the reference takes the same-named functions from {@code activations}.
     */
    public CellFixture(CellSpec spec, ActivationSource cellActivations, TestActivations activations, Scenario scenario,
                       long seed, float weightScale) {
        this.type = typeOf(spec.cellType());
        this.spec = spec;
        this.activations = activations;
        this.scenario = scenario;
        Random rnd = new Random(seed);
        int gates = type.gates().size();
        int gh = gates * spec.hiddenSize();
        boolean bias = spec.options().bias();
        this.weights = new CellWeights(random(rnd, gh * spec.inputSize(), weightScale),
                random(rnd, gh * spec.hiddenSize(), weightScale), bias ? random(rnd, gh, weightScale) : null,
                bias ? random(rnd, gh, weightScale) : null,
                spec.options().peepholes() ? random(rnd, 3 * spec.hiddenSize(), weightScale) : null);
        this.cell = type.create(spec, weights, cellActivations, ReferenceBackend.instance());
        int rows = scenario.steps() * scenario.batch();
        this.x = random(rnd, rows * spec.inputSize(), 1f);
        int states = scenario.batch() * spec.hiddenSize();
        this.initial = scenario.withInitial() ? CellState.of(scenario.batch(), spec.hiddenSize(),
                random(rnd, states, 0.8f), type.hasCellState() ? random(rnd, states, 0.8f) : null) : null;
    }

    /** The cell type called {@code name}. */
    public static CellType typeOf(String name) {
        return switch (name) {
            case "lstm" -> new LstmCellType();
            case "gru" -> new GruCellType();
            case "rnn" -> new RnnCellType();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Uniform in [-scale, scale]. */
    public static float[] random(Random rnd, int length, float scale) {
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            a[i] = (2 * rnd.nextFloat() - 1) * scale;
        }
        return a;
    }

    /** The input batch. */
    public SequenceBatch batch() {
        return new SequenceBatch(x, 0, scenario.steps(), scenario.batch(), spec.inputSize(), scenario.layout(),
                scenario.lengths());
    }

    /** Every role's activation, resolved with core's fallback rule, as the reference needs them. */
    public Map<String, TestActivation> roles() {
        Map<String, TestActivation> roles = new LinkedHashMap<>();
        for (CellRole role : type.roles()) {
            roles.put(role.name(), activations.get(type.activationFor(spec, role.name()).name()));
        }
        return roles;
    }

    /** The same setup in double precision. */
    public ReferenceRecurrence reference() {
        return new ReferenceRecurrence(spec.cellType(), spec.inputSize(), spec.hiddenSize(), spec.options(), roles(),
                scenario.steps(), scenario.batch(), scenario.layout(), scenario.lengths(), scenario.reverse());
    }

    /** The weights, input and initial state (zeros when none) in double. */
    public ReferenceRecurrence.Params params() {
        int states = scenario.batch() * spec.hiddenSize();
        return new ReferenceRecurrence.Params(toDouble(weights.w()), toDouble(weights.r()), toDouble(weights.wBias()),
                toDouble(weights.rBias()), toDouble(weights.peepholes()), toDouble(x),
                initial == null ? new double[states] : toDouble(initial.h()),
                type.hasCellState() ? (initial == null ? new double[states] : toDouble(initial.c())) : null);
    }

    /** Widens a float array (null stays null). */
    public static double[] toDouble(float[] a) {
        if (a == null) {
            return null;
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
