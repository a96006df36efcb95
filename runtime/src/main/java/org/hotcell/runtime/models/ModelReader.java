package org.hotcell.runtime.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.registry.Registry;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.io.ModelSpecJson;
import org.hotcell.model.net.Model;
import org.hotcell.model.spec.ModelSize;
import org.hotcell.model.spec.ModelSpec;

/**
 * Reads a model entry of the directory: its spec when the entry appears or changes, its weights when the model is
 * first bound. A spec file ({@code NAME.json}, see {@link ModelSpecJson}) must ask for seeded random weights with
 * a top-level {@code "seed"}; a saved model directory ({@link ModelFiles}) has them in {@code weights.safetensors}.
 */
final class ModelReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelReader() {
    }

    /** The model at {@code path} with its spec, or with the error that kept the spec from being read. */
    static HostedModel read(String name, Path path) {
        try {
            Path specFile = Files.isDirectory(path) ? path.resolve(ModelFiles.SPEC) : path;
            ModelSpec spec = ModelSpecJson.read(Files.readString(specFile, StandardCharsets.UTF_8), specFile.toString());
            return new HostedModel(name, path, spec, null);
        } catch (IOException e) {
            return new HostedModel(name, path, null, new BadModelException("cannot read model " + path + ": " + e));
        } catch (HotcellException e) {
            return new HostedModel(name, path, null, e);
        }
    }

    /**
     * The model's weights: a saved directory's, or a spec's seeded random ones, after checking that the model fits
     * this JVM.
     *
     * @throws BadModelException for a spec without a seed, or weights that do not fit the spec
     */
    static Model weights(HostedModel h, Registry registry) throws IOException {
        if (Files.isDirectory(h.source)) {
            return ModelFiles.load(h.source, registry);
        }
        JsonNode seed = JSON.readTree(Files.readString(h.source, StandardCharsets.UTF_8)).path("seed");
        if (!seed.canConvertToLong()) {
            throw new BadModelException(h.source + " is a spec without weights: add a top-level \"seed\": <integer> "
                    + "for seeded random weights, or save a model directory (model.json + weights.safetensors)");
        }
        ModelSize.check(h.spec, registry::cellType, ModelSize.INFERENCE_COPIES, 0,
                l -> "layers[" + l + "].hidden_size in " + h.source);
        return Model.initialize(h.spec, registry::cellType, seed.asLong());
    }
}
