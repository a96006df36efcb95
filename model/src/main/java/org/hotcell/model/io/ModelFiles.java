package org.hotcell.model.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.core.error.UnknownActivationException;
import org.hotcell.core.error.UnknownCellTypeException;
import org.hotcell.core.registry.Registry;
import org.hotcell.model.net.Model;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSize;
import org.hotcell.model.spec.ModelSpec;

/**
 * A saved model: a directory (conventionally named {@code *.hc}) holding {@code model.json}, the spec (see
 * {@link ModelSpecJson}), and {@code weights.safetensors}, the tensors (see {@link Safetensors}, names as in
 * {@link Model}). The spec is also copied into the safetensors metadata under {@code hotcell.spec} so that the
 * weights file alone says what it is.
 */
public final class ModelFiles {
    /** The spec's file name inside a model directory. */
    public static final String SPEC = "model.json";
    /** The weights' file name inside a model directory. */
    public static final String WEIGHTS = "weights.safetensors";

    private ModelFiles() {
    }

    /**
     * Saves a model into {@code directory}, creating it when needed and replacing the two files.
     *
     * @throws BadModelException when a weight is NaN or infinite: a diverged model is not worth keeping
     */
    public static void save(Model model, Path directory) throws IOException {
        model.parameters().list().forEach(p -> {
            for (int i = 0; i < p.data().length; i++) {
                if (!Float.isFinite(p.data()[i])) {
                    throw new BadModelException("will not save model: tensor " + p.name() + " holds " + p.data()[i]
                            + " at index " + i);
                }
            }
        });
        Files.createDirectories(directory);
        String spec = ModelSpecJson.write(model.spec());
        Path specTemp = directory.resolve(SPEC + ".tmp");
        Files.writeString(specTemp, spec, StandardCharsets.UTF_8);
        Files.move(specTemp, directory.resolve(SPEC), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Safetensors.write(directory.resolve(WEIGHTS), model.parameters(),
                Map.of("format", "pt", "hotcell.spec", spec));
    }

    /**
     * Loads a model, checking its spec against what is installed now: every cell type and every role's
     * activation must be served by a plugin, and the weights must fit the spec.
     *
     * @throws PluginUnavailableException naming the layer, and for activations the role, of what is missing,
     *                                    with the registry's lookup error (listing what is known) as the cause
     * @throws BadModelException          when a file is missing, malformed, or does not fit the spec
     */
    public static Model load(Path directory, Registry registry) throws IOException {
        Path specFile = directory.resolve(SPEC);
        Path weightsFile = directory.resolve(WEIGHTS);
        for (Path file : new Path[] {specFile, weightsFile}) {
            if (!Files.isRegularFile(file)) {
                throw new BadModelException("model directory " + directory + " has no " + file.getFileName()
                        + "; a saved model holds " + SPEC + " and " + WEIGHTS);
            }
        }
        ModelSpec spec = ModelSpecJson.read(Files.readString(specFile, StandardCharsets.UTF_8), specFile.toString());
        checkPlugins(spec, registry);
        // Before the weights are read: a spec too large for this JVM is named as such, not an allocation failure.
        ModelSize.check(spec, registry::cellType, ModelSize.INFERENCE_COPIES, 0,
                l -> "layers[" + l + "].hidden_size in " + specFile);
        Safetensors.Contents weights = Safetensors.read(weightsFile);
        try {
            return Model.of(spec, weights.tensors(), registry::cellType);
        } catch (BadModelException e) {
            throw new BadModelException(weightsFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that every cell type and activation a spec names is installed and accepts its parameters.
     *
     * @throws PluginUnavailableException naming the layer and role of the first missing one
     * @throws BadModelException          when a role or an activation parameter is invalid
     */
    public static void checkPlugins(ModelSpec spec, Registry registry) {
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            CellType type;
            try {
                type = registry.cellType(layer.cellType());
            } catch (UnknownCellTypeException e) {
                throw new PluginUnavailableException("layer " + l + " needs cell type '" + layer.cellType()
                        + "', which no installed plugin provides: " + e.getMessage(), e);
            }
            var cellSpec = layer.cellSpec(spec.layerInputSize(l));
            try {
                type.checkRoles(cellSpec);
            } catch (HotcellException e) {
                throw new BadModelException("layer " + l + " (" + layer.cellType() + "): " + e.getMessage(), e);
            }
            for (var role : type.roles()) {
                var activation = type.activationFor(cellSpec, role.name());
                try {
                    registry.activation(activation);
                } catch (UnknownActivationException e) {
                    throw new PluginUnavailableException("layer " + l + " (" + layer.cellType() + ") role '"
                            + role.name() + "' needs activation '" + activation + "', which no installed plugin "
                            + "serves: " + e.getMessage(), e);
                } catch (HotcellException e) {
                    throw new BadModelException("layer " + l + " (" + layer.cellType() + ") role '" + role.name()
                            + "': activation '" + activation + "': " + e.getMessage(), e);
                }
            }
        }
    }
}
