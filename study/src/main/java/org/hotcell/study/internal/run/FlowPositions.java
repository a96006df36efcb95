package org.hotcell.study.internal.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps the gradient-flow probe measures on sequences of T steps: 0, then every {@code ceil((T - 1) / 25)}
 * steps, and T - 1. At most 26 points: enough for a curve, few enough that probing costs less than a few
 * dozen training steps.
 */
public final class FlowPositions {
    static final int POINTS = 26;

    private FlowPositions() {
    }

    /** The probed steps, ascending. */
    public static List<Integer> of(int steps) {
        int stride = Math.max(1, (steps - 1 + POINTS - 2) / (POINTS - 1));
        List<Integer> positions = new ArrayList<>();
        for (int t = 0; t < steps - 1; t += stride) {
            positions.add(t);
        }
        positions.add(steps - 1);
        return positions;
    }
}
