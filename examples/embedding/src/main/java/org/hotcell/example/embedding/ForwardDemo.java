package org.hotcell.example.embedding;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.Registry;

/**
 * One small, fixed LSTM forward pass through whatever {@link Registry} the host gives: the cell type, its
 * activations and the backend are all looked up by name, so the same code runs on the module path and in any
 * OSGi container. Weights and inputs come from a fixed seed, so two hosts with the same plugins print the same
 * line.
 */
public final class ForwardDemo {
    /** Time steps, batch items, input features and hidden units of the pass. */
    public static final int STEPS = 6;
    public static final int BATCH = 2;
    public static final int INPUT = 3;
    public static final int HIDDEN = 5;

    /** What every line this example prints or logs starts with. */
    public static final String PREFIX = "hotcell-embedding: forward ";

    private static final long SEED = 17;

    private ForwardDemo() {
    }

    /** The spec: an LSTM with the usual activations, each named explicitly. */
    public static CellSpec spec() {
        return CellSpec.builder("lstm").inputSize(INPUT).hiddenSize(HIDDEN)
                .activation("gate", "sigmoid").activation("candidate", "tanh").activation("output", "tanh")
                .build();
    }

    /** The hidden outputs {@code [T, N, H]} on the registry's default backend. */
    public static float[] run(Registry registry) {
        return run(registry, registry.defaultBackend());
    }

    /** The hidden outputs {@code [T, N, H]} on a chosen backend. */
    public static float[] run(Registry registry, Backend backend) {
        CellType lstm = registry.cellType("lstm");
        CellSpec spec = spec();
        Random random = new Random(SEED);
        CellWeights weights = CellWeights.zeros(lstm.gates().size(), spec);
        float scale = (float) (1 / Math.sqrt(HIDDEN));
        for (float[] array : new float[][] {weights.w(), weights.r(), weights.wBias(), weights.rBias()}) {
            fill(array, random, scale);
        }
        float[] x = new float[STEPS * BATCH * INPUT];
        fill(x, random, 1f);
        Cell cell = lstm.create(spec, weights, registry, backend);
        return cell.forward(SequenceBatch.timeMajor(x, STEPS, BATCH, INPUT), null, false, false).y();
    }

    /**
     * The line this example prints: sizes, backend, the sum of all outputs and the last step's outputs of the
     * first item, e.g. {@code hotcell-embedding: forward lstm T=6 N=2 I=3 H=5 backend=simd sum=... y[5,0]=[...]}.
     */
    public static String line(Registry registry) {
        Backend backend = registry.defaultBackend();
        float[] y = run(registry, backend);
        double sum = 0;
        for (float v : y) {
            sum += v;
        }
        int last = (STEPS - 1) * BATCH * HIDDEN;
        StringBuilder lastStep = new StringBuilder();
        for (float v : Arrays.copyOfRange(y, last, last + HIDDEN)) {
            lastStep.append(lastStep.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", v));
        }
        return String.format(Locale.ROOT, "%slstm T=%d N=%d I=%d H=%d backend=%s sum=%.6f y[%d,0]=[%s]", PREFIX,
                STEPS, BATCH, INPUT, HIDDEN, backend.name(), sum, STEPS - 1, lastStep);
    }

    private static void fill(float[] array, Random random, float scale) {
        for (int i = 0; i < array.length; i++) {
            array[i] = scale * (2 * random.nextFloat() - 1);
        }
    }
}
