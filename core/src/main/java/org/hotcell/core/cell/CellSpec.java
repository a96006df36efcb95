package org.hotcell.core.cell;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.InvalidSpecException;

/**
 * What a cell is: its type, sizes, options and one activation spec per role. Roles not named take their
 * fallback role's activation, then the role's default (see {@link CellType#activationFor}). Holds names, not
 * plugin instances, so a spec outlives any plugin and is re-resolved when plugins change.
 *
 * @param cellType    the cell type's name, e.g. {@code lstm}
 * @param inputSize   features per step of the input (I)
 * @param hiddenSize  units of the hidden state (H)
 * @param activations role name to activation spec, for the roles set explicitly
 * @param options     the switches of the equations
 */
public record CellSpec(String cellType, int inputSize, int hiddenSize, Map<String, ActivationSpec> activations,
                       CellOptions options) {

    public CellSpec {
        Objects.requireNonNull(cellType, "cellType");
        if (inputSize < 1) {
            throw new InvalidSpecException("input size of " + cellType + " cell must be at least 1, got " + inputSize);
        }
        if (hiddenSize < 1) {
            throw new InvalidSpecException("hidden size of " + cellType + " cell must be at least 1, got " + hiddenSize);
        }
        activations = Collections.unmodifiableMap(new LinkedHashMap<>(activations));
        Objects.requireNonNull(options, "options");
    }

    /** Starts a spec for the named cell type. */
    public static Builder builder(String cellType) {
        return new Builder(cellType);
    }

    /** A builder initialised from this spec. */
    public Builder toBuilder() {
        Builder builder = new Builder(cellType).inputSize(inputSize).hiddenSize(hiddenSize).options(options);
        activations.forEach(builder::activation);
        return builder;
    }

    /** Builds a {@link CellSpec}; input and hidden sizes are required. */
    public static final class Builder {
        private final String cellType;
        private int inputSize;
        private int hiddenSize;
        private final Map<String, ActivationSpec> activations = new LinkedHashMap<>();
        private boolean bias = true;
        private boolean peepholes;
        private boolean inputForget;
        private float clip = Float.POSITIVE_INFINITY;
        private boolean linearBeforeReset;

        private Builder(String cellType) {
            this.cellType = Objects.requireNonNull(cellType, "cellType");
        }

        /** Required: features per step of the input. */
        public Builder inputSize(int inputSize) {
            this.inputSize = inputSize;
            return this;
        }

        /** Required: units of the hidden state. */
        public Builder hiddenSize(int hiddenSize) {
            this.hiddenSize = hiddenSize;
            return this;
        }

        /** Sets the activation of one role. */
        public Builder activation(String role, ActivationSpec spec) {
            activations.put(Objects.requireNonNull(role, "role"), Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** Sets the activation of one role from spec text, e.g. {@code leaky_relu(alpha=0.1)}. */
        public Builder activation(String role, String specText) {
            return activation(role, ActivationSpec.parse(specText));
        }

        /** Optional (default on): whether the cell has biases. */
        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** Optional (default off): LSTM peepholes. */
        public Builder peepholes(boolean peepholes) {
            this.peepholes = peepholes;
            return this;
        }

        /** Optional (default off): LSTM coupled input and forget gates. */
        public Builder inputForget(boolean inputForget) {
            this.inputForget = inputForget;
            return this;
        }

        /** Optional (default none): clip activation inputs to [-clip, clip]. */
        public Builder clip(float clip) {
            this.clip = clip;
            return this;
        }

        /** Optional (default off): GRU linear-before-reset. */
        public Builder linearBeforeReset(boolean linearBeforeReset) {
            this.linearBeforeReset = linearBeforeReset;
            return this;
        }

        /** Copies every switch from {@code options}. */
        public Builder options(CellOptions options) {
            this.bias = options.bias();
            this.peepholes = options.peepholes();
            this.inputForget = options.inputForget();
            this.clip = options.clip();
            this.linearBeforeReset = options.linearBeforeReset();
            return this;
        }

        /**
         * Builds the spec.
         *
         * @throws InvalidSpecException naming what is missing or invalid
         */
        public CellSpec build() {
            if (inputSize == 0 && hiddenSize == 0) {
                throw new InvalidSpecException(cellType + " cell spec is missing inputSize and hiddenSize");
            }
            if (inputSize == 0) {
                throw new InvalidSpecException(cellType + " cell spec is missing inputSize");
            }
            if (hiddenSize == 0) {
                throw new InvalidSpecException(cellType + " cell spec is missing hiddenSize");
            }
            return new CellSpec(cellType, inputSize, hiddenSize, activations,
                    new CellOptions(bias, peepholes, inputForget, clip, linearBeforeReset));
        }
    }
}
