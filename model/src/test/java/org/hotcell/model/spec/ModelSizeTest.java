package org.hotcell.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hotcell.cells.StandardCells;
import org.hotcell.layers.MergeMode;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.error.TooLargeException;
import org.hotcell.model.net.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSizeTest {
    private static final Function<String, CellType> CELLS = name -> switch (name) {
        case "lstm" -> StandardCells.lstm();
        case "gru" -> StandardCells.gru();
        default -> StandardCells.rnn();
    };

    private static ModelSpec spec(String cell, int hidden, boolean peepholes, boolean bias, Direction direction) {
        CellOptions options = new CellOptions(bias, peepholes, false, Float.POSITIVE_INFINITY, false);
        LayerSpec first = new LayerSpec(cell, hidden, Map.of(), options, direction, MergeMode.CONCAT);
        LayerSpec second = new LayerSpec(cell, hidden + 1, Map.of(), options, Direction.FORWARD, MergeMode.CONCAT);
        return new ModelSpec(3, List.of(first, second), new HeadSpec(2, Readout.LAST_STEP));
    }

    @ParameterizedTest(name = "{0} H={1} peepholes={2} bias={3} {4}")
    @CsvSource({"lstm, 5, true, true, BIDIRECTIONAL", "lstm, 7, false, false, FORWARD", "gru, 4, false, true, REVERSE",
            "rnn, 6, false, true, BIDIRECTIONAL"})
    void theCountIsWhatInitializeAllocates(String cell, int hidden, boolean peepholes, boolean bias,
                                           Direction direction) {
        ModelSpec spec = spec(cell, hidden, peepholes, bias, direction);
        Model model = Model.initialize(spec, CELLS, 1);
        assertThat(ModelSize.parameters(spec, CELLS)).isEqualTo(model.parameters().scalarCount());
    }

    @Test
    void aMatrixNoArrayHoldsIsNamedBeforeAnythingIsAllocated() {
        ModelSpec spec = spec("lstm", Integer.MAX_VALUE - 1, false, true, Direction.FORWARD);
        assertThatThrownBy(() -> ModelSize.check(spec, CELLS, 2, 0, l -> "--hidden"))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("--hidden = 2147483646 makes a weight matrix of layer 0")
                .hasMessageContaining("more than one Java array holds")
                .hasMessageContaining("the largest hidden size for this cell is 23170");
        // Model.initialize makes the same check rather than failing on a negative array size.
        assertThatThrownBy(() -> Model.initialize(spec, CELLS, 1)).isInstanceOf(TooLargeException.class)
                .hasMessageContaining("hidden size of layer 0 = 2147483646");
    }

    @Test
    void aModelLargerThanTheHeapIsNamedWithTheHeap() {
        // 4 x 20001 x 20001 fits one array, but six copies of 4.8e9 parameters fit no heap this test runs with.
        ModelSpec spec = spec("lstm", 20_000, false, true, Direction.FORWARD);
        assertThatThrownBy(() -> ModelSize.check(spec, CELLS, ModelSize.TRAINING_COPIES, 0, l -> "--hidden"))
                .isInstanceOf(TooLargeException.class)
                // Layer 0 (input 3) and layer 1 (input 20000, H 20001) and the head.
                .hasMessageContaining("--hidden = 20000 gives 4,800,840,016 parameters")
                .hasMessageContaining("more than the JVM's maximum heap of").hasMessageContaining("-Xmx");
    }

    @Test
    void aSmallModelPasses() {
        ModelSize.check(spec("gru", 64, false, true, Direction.BIDIRECTIONAL), CELLS, ModelSize.TRAINING_COPIES,
                1 << 20, l -> "--hidden");
    }
}
