package org.hotcell.model.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;

import org.hotcell.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TasksTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 50})
    void addingHasTwoMarkersOnePerHalfAndTheirSumAsTarget(int length) {
        Batch batch = new AddingTask(length).batch(40, new SplittableRandom(length));
        float[] x = batch.x().data();
        for (int n = 0; n < 40; n++) {
            int markers = 0;
            double sum = 0;
            int firstHalf = 0;
            for (int t = 0; t < length; t++) {
                int row = batch.x().rowOffset(t, n);
                assertThat(x[row]).isBetween(0f, 1f);
                if (x[row + 1] == 1f) {
                    markers++;
                    sum += x[row];
                    firstHalf += t < length / 2 ? 1 : 0;
                } else {
                    assertThat(x[row + 1]).isZero();
                }
            }
            assertThat(markers).isEqualTo(2);
            assertThat(firstHalf).isEqualTo(1);
            assertThat((double) batch.target()[n]).isCloseTo(sum, offset(1e-6));
        }
    }

    @Test
    void answeringOneOnTheAddingProblemScoresAboutOneSixth() {
        Batch batch = new AddingTask(20).batch(40_000, new SplittableRandom(1));
        double squared = 0;
        for (float target : batch.target()) {
            squared += (target - 1.0) * (target - 1.0);
        }
        assertThat(squared / batch.rows()).isCloseTo(1.0 / 6, offset(0.005));
    }

    @Test
    void copyShowsSymbolsThenAsksForThemBackAfterTheDelay() {
        CopyTask task = new CopyTask(3, 4, 5);
        Batch batch = task.batch(2, new SplittableRandom(3));
        int steps = task.steps();
        assertThat(steps).isEqualTo(11);
        for (int n = 0; n < 2; n++) {
            int[] shown = new int[3];
            for (int t = 0; t < steps; t++) {
                int hot = argmax(batch.x().data(), batch.x().rowOffset(t, n), 6);
                if (t < 3) {
                    shown[t] = hot;
                    assertThat(hot).isLessThan(4);
                } else if (t == 3 + 5 - 1) {
                    assertThat(hot).as("go marker").isEqualTo(5);
                } else {
                    assertThat(hot).as("blank").isEqualTo(4);
                }
                int row = t * 2 + n;
                int expected = argmax(batch.target(), row * 5, 5);
                if (t >= 8) {
                    assertThat(expected).isEqualTo(shown[t - 8]);
                    assertThat(batch.scored()[row]).isEqualTo(1f);
                } else {
                    assertThat(expected).isEqualTo(4);
                    assertThat(batch.scored()[row]).isZero();
                }
            }
        }
    }

    @Test
    void sineTargetsAreTheNextInput() {
        Batch batch = new SineTask(30).batch(4, new SplittableRandom(5));
        for (int n = 0; n < 4; n++) {
            for (int t = 0; t + 1 < 30; t++) {
                assertThat(batch.target()[t * 4 + n]).isEqualTo(batch.x().data()[(t + 1) * 4 + n]);
            }
            assertThat(batch.weights()[n]).isZero();
            assertThat(batch.weights()[10 * 4 + n]).isEqualTo(1f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adding", "copy", "sine"})
    void theSameRandomStateGivesTheSameBatch(String name) {
        Task task = Tasks.create(name, 12);
        Batch a = task.batch(8, new SplittableRandom(42));
        Batch b = task.batch(8, new SplittableRandom(42));
        assertThat(a.x().data()).containsExactly(b.x().data());
        assertThat(a.target()).containsExactly(b.target());
    }

    @Test
    void unknownTaskNamesTheKnownOnes() {
        assertThatThrownBy(() -> Tasks.create("sorting", 10)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'sorting'").hasMessageContaining("adding, copy, sine");
    }

    private static int argmax(float[] values, int off, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (values[off + j] > values[off + best]) {
                best = j;
            }
        }
        return best;
    }
}
