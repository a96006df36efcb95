package org.hotcell.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.net.Model;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.testing.TestModels;
import org.hotcell.model.testing.TestRnnCellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    private static ModelSpec spec(String activation) {
        return new ModelSpec(3, List.of(
                TestModels.layer(4, activation, Direction.BIDIRECTIONAL, MergeMode.CONCAT),
                new LayerSpec(TestRnnCellType.NAME, 5, Map.of(), new CellOptions(false, false, false, 3.5f, false),
                        Direction.FORWARD, MergeMode.SUM)), new HeadSpec(2, Readout.PER_STEP));
    }

    @Test
    void specJsonRoundTrips() {
        ModelSpec spec = spec("relu");
        assertThat(ModelSpecJson.read(ModelSpecJson.write(spec), "x")).isEqualTo(spec);
    }

    @Test
    void savedModelLoadsWithTheSameSpecAndBits(@TempDir Path dir) throws Exception {
        Model model = TestModels.model(spec("tanh"), 11);
        ModelFiles.save(model, dir.resolve("m.hc"));
        Model loaded = ModelFiles.load(dir.resolve("m.hc"), TestModels.registry());
        assertThat(loaded.spec()).isEqualTo(model.spec());
        assertThat(loaded.parameters()).isEqualTo(model.parameters());
        assertThat(Files.readString(dir.resolve("m.hc").resolve(ModelFiles.SPEC))).contains("\"activation\" : \"tanh\"");
    }

    @Test
    void loadingNamesTheLayerAndRoleOfAMissingActivation(@TempDir Path dir) throws Exception {
        ModelFiles.save(TestModels.model(spec("identity"), 1), dir);
        Path specFile = dir.resolve(ModelFiles.SPEC);
        Files.writeString(specFile, Files.readString(specFile).replace("identity", "swish(beta=2.5)"));
        assertThatThrownBy(() -> ModelFiles.load(dir, TestModels.registry()))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessageContaining("layer 0").hasMessageContaining("role 'activation'")
                .hasMessageContaining("swish(beta=2.5)").hasMessageContaining("known: ");
    }

    @Test
    void loadingNamesAMissingCellType(@TempDir Path dir) throws Exception {
        ModelFiles.save(TestModels.model(spec("tanh"), 1), dir);
        PluginRegistry withoutCells = new PluginRegistry();
        assertThatThrownBy(() -> ModelFiles.load(dir, withoutCells)).isInstanceOf(PluginUnavailableException.class)
                .hasMessageContaining("layer 0 needs cell type 'test_rnn'");
    }

    @Test
    void aHiddenSizeNoArrayHoldsIsNamedWithItsFieldBeforeTheWeightsAreRead(@TempDir Path dir) throws Exception {
        ModelFiles.save(TestModels.model(spec("tanh"), 1), dir);
        Path specFile = dir.resolve(ModelFiles.SPEC);
        Files.writeString(specFile, Files.readString(specFile).replace("\"hidden_size\" : 5",
                "\"hidden_size\" : 100000000"));
        assertThatThrownBy(() -> ModelFiles.load(dir, TestModels.registry()))
                .isInstanceOf(org.hotcell.core.error.TooLargeException.class)
                .hasMessageContaining("layers[1].hidden_size in " + specFile + " = 100000000")
                .hasMessageContaining("more than one Java array holds");
    }

    @Test
    void weightsThatDoNotFitTheSpecAreNamed(@TempDir Path dir) throws Exception {
        ModelFiles.save(TestModels.model(spec("tanh"), 1), dir);
        Path specFile = dir.resolve(ModelFiles.SPEC);
        Files.writeString(specFile, Files.readString(specFile).replace("\"hidden_size\" : 5", "\"hidden_size\" : 6"));
        assertThatThrownBy(() -> ModelFiles.load(dir, TestModels.registry())).isInstanceOf(BadModelException.class)
                .hasMessageContaining("layers.1.forward.W").hasMessageContaining("[6, 8]");
    }

    @Test
    void aModelHoldingNaNIsNotSaved(@TempDir Path dir) {
        Model model = TestModels.model(spec("tanh"), 1);
        model.parameters().get("head.b").data()[1] = Float.NaN;
        assertThatThrownBy(() -> ModelFiles.save(model, dir.resolve("bad.hc"))).isInstanceOf(BadModelException.class)
                .hasMessageContaining("head.b").hasMessageContaining("NaN");
        assertThat(dir.resolve("bad.hc")).doesNotExist();
    }

    @Test
    void specErrorsNameTheField() {
        String text = ModelSpecJson.write(spec("tanh")).replace("\"bias\" : false", "\"bias\" : \"no\"");
        assertThatThrownBy(() -> ModelSpecJson.read(text, "m.json")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("m.json: layers[1].options: field 'bias' must be true or false");
        String badActivation = ModelSpecJson.write(spec("tanh")).replace("\"tanh\"", "\"tanh(\"");
        assertThatThrownBy(() -> ModelSpecJson.read(badActivation, "m.json")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("layers[0].activations.activation");
    }

    @Test
    void activationSpecsWithParametersSurvive() {
        ModelSpec spec = new ModelSpec(1, List.of(new LayerSpec("lstm", 2,
                Map.of("candidate", ActivationSpec.parse("leaky_relu(alpha=0.1)")), CellOptions.DEFAULT,
                Direction.FORWARD, MergeMode.CONCAT)), new HeadSpec(1, Readout.LAST_STEP));
        assertThat(ModelSpecJson.read(ModelSpecJson.write(spec), "x")).isEqualTo(spec);
    }
}
