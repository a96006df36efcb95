package org.hotcell.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void groupsEveryWorkloadByItsShapeInOrderOfFirstAppearance() {
        List<String> all = new ArrayList<>(Grid.FULL);
        all.addAll(Grid.FULL_SILU);
        var shapes = Grid.byShape(all);
        assertThat(shapes.keySet()).containsExactly("lstm/100x1x256", "lstm/25x1x512", "lstm/25x1x1024",
                "lstm/25x32x512", "lstm/25x64x1024", "gru/100x1x256", "gru/25x32x512");
        assertThat(shapes.get("lstm/25x32x512")).containsExactly("lstm/25x32x512/tanh", "lstm/25x32x512/relu",
                "lstm/25x32x512/silu");
        assertThat(shapes.values().stream().mapToInt(List::size).sum()).isEqualTo(all.size());
    }

    @Test
    void deeplearning4jGetsOnlyTheLstmWorkloads() {
        assertThat(Grid.dl4j(List.of("gru/100x1x256/tanh", "lstm/25x1x512/relu")))
                .containsExactly("lstm/25x1x512/relu");
    }

    @Test
    void onlyTheShapeWhoseTrainingStepTakesSecondsGetsLongerIterations() {
        assertThat(Grid.iterationSeconds(List.of("lstm/25x64x1024/tanh", "lstm/25x64x1024/relu"))).isEqualTo(4);
        assertThat(Grid.iterationSeconds(List.of("lstm/25x32x512/tanh", "lstm/25x32x512/silu"))).isEqualTo(1);
        assertThat(Grid.iterationSeconds(List.of("gru/100x1x256/tanh"))).isEqualTo(1);
    }
}
