package org.hotcell.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.hotcell.layers.MergeMode;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Direction;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.junit.jupiter.api.Test;

/** The model spec file format, pinned by a golden file: a change to it must be deliberate. */
class ModelSpecGoldenTest {

    private static final ModelSpec SPEC = new ModelSpec(2, List.of(
            new LayerSpec("lstm", 64, Map.of("gate", ActivationSpec.parse("sigmoid"),
                    "candidate", ActivationSpec.parse("leaky_relu(alpha=0.1)")),
                    new CellOptions(true, true, false, 3.0f, false), Direction.BIDIRECTIONAL, MergeMode.CONCAT),
            new LayerSpec("gru", 8, Map.of(), new CellOptions(false, false, false, Float.POSITIVE_INFINITY, true),
                    Direction.FORWARD, MergeMode.CONCAT)),
            new HeadSpec(1, Readout.LAST_STEP));

    @Test
    void writesTheGoldenText() throws IOException {
        assertThat(ModelSpecJson.write(SPEC)).isEqualTo(golden());
    }

    @Test
    void readsTheGoldenText() throws IOException {
        assertThat(ModelSpecJson.read(golden(), "model-spec.json")).isEqualTo(SPEC);
    }

    private static String golden() throws IOException {
        try (InputStream in = ModelSpecGoldenTest.class.getResourceAsStream("/golden/model-spec.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
