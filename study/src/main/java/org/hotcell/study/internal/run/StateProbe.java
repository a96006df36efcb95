package org.hotcell.study.internal.run;

import java.util.List;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.net.Network;
import org.hotcell.study.StateStats;

/**
 * Measures how a trained model's recurrent state behaves on a batch (see {@link StateStats}): how often it falls,
 * how often it is negative, which units never rise above zero; and the largest |state| at any step.
 */
final class StateProbe {
    /** What one walk over a batch gave. */
    record Reading(StateStats stats, double maxAbs) {
    }

    private StateProbe() {
    }

    static Reading read(Network network, SequenceBatch x) {
        List<List<List<CellState>>> states = StateWalk.states(network, x);
        int units = StateWalk.recurrentState(states.get(0)).length;
        float[] previous = new float[units];
        boolean[] alive = new boolean[units];
        long falls = 0;
        long negative = 0;
        long count = 0;
        double maxAbs = 0;
        for (List<List<CellState>> step : states) {
            float[] s = StateWalk.recurrentState(step);
            for (int i = 0; i < units; i++) {
                float v = s[i];
                if (v < previous[i]) {
                    falls++;
                }
                if (v < 0) {
                    negative++;
                }
                if (v > 0) {
                    alive[i] = true;
                }
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            count += units;
            previous = s;
        }
        int hidden = states.get(0).get(0).get(0).hidden();
        int dead = 0;
        for (int j = 0; j < hidden; j++) {
            boolean unitAlive = false;
            for (int n = 0; n < x.batch(); n++) {
                unitAlive |= alive[n * hidden + j];
            }
            if (!unitAlive) {
                dead++;
            }
        }
        return new Reading(new StateStats((double) falls / count, (double) negative / count,
                (double) dead / hidden), maxAbs);
    }
}
