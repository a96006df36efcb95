package org.hotcell.model.optim;

import org.hotcell.model.param.Parameters;

/**
 * Gradient-norm clipping (Pascanu et al., 2013): when the global norm {@code ||g|| = sqrt(sum of every g_i^2)}
 * exceeds {@code maxNorm}, scale every gradient by {@code maxNorm / ||g||}, keeping the direction and bounding
 * the step that an exploding gradient would otherwise take.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Clips in place and returns the norm before clipping. A non-finite norm is returned as is and nothing is
     * scaled: the caller should stop rather than step.
     *
     * @param maxNorm the bound; +inf or 0 for none
     */
    public static double clip(Parameters gradients, double maxNorm) {
        double norm = gradients.norm("");
        if (Double.isFinite(norm) && maxNorm > 0 && norm > maxNorm) {
            gradients.scale((float) (maxNorm / norm));
        }
        return norm;
    }
}
