package org.hotcell.example.streaming.detect;

import java.util.Arrays;
import java.util.List;

import org.hotcell.core.error.InvalidSpecException;

/**
 * How large a prediction error is normal, learnt from the errors on normal streams.
 *
 * <p>A step's score is its largest standardized error over the sensors, {@code max_s |x_s - p_s| / sigma_s},
 * where {@code sigma_s} is sensor s's root-mean-square error on normal data; the threshold is the
 * {@code quantile}-quantile of the scores of normal steps, so that about {@code 1 - quantile} of normal steps
 * are flagged.
 *
 * @param sigma     per sensor, the RMS prediction error on normal data (never 0)
 * @param threshold the score above which a step is flagged
 */
public record Calibration(double[] sigma, double threshold) {

    public Calibration {
        sigma = sigma.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    /**
     * Calibrates on the residuals {@code x - p} of normal steps.
     *
     * @param residuals one {@code float[sensors]} per normal, scored step
     * @param quantile  in (0, 1), e.g. 0.995
     * @throws InvalidSpecException when there are no residuals or the quantile is outside (0, 1)
     */
    public static Calibration fit(List<float[]> residuals, double quantile) {
        if (residuals.isEmpty()) {
            throw new InvalidSpecException("calibration needs at least one normal step, got none");
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new InvalidSpecException("calibration quantile must lie in (0, 1), got " + quantile);
        }
        int sensors = residuals.get(0).length;
        double[] sumSquares = new double[sensors];
        for (float[] r : residuals) {
            for (int s = 0; s < sensors; s++) {
                sumSquares[s] += (double) r[s] * r[s];
            }
        }
        double[] sigma = new double[sensors];
        for (int s = 0; s < sensors; s++) {
            // A floor keeps a perfectly predicted sensor from dividing by zero.
            sigma[s] = Math.max(Math.sqrt(sumSquares[s] / residuals.size()), 1e-6);
        }
        double[] scores = new double[residuals.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(residuals.get(i), sigma);
        }
        Arrays.sort(scores);
        int index = (int) Math.min(scores.length - 1, Math.ceil(quantile * scores.length) - 1);
        return new Calibration(sigma, scores[Math.max(0, index)]);
    }

    /** The score of one step's residual. */
    public double score(float[] residual) {
        return score(residual, sigma);
    }

    /** Whether a step's residual is anomalous: its score is above the threshold. */
    public boolean flags(float[] residual) {
        return score(residual) > threshold;
    }

    private static double score(float[] residual, double[] sigma) {
        double max = 0;
        for (int s = 0; s < residual.length; s++) {
            max = Math.max(max, Math.abs(residual[s]) / sigma[s]);
        }
        return max;
    }

    @Override
    public String toString() {
        return "Calibration[sigma=" + Arrays.toString(sigma) + ", threshold=" + threshold + "]";
    }
}
