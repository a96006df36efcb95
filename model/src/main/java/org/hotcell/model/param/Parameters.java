package org.hotcell.model.param;

import java.util.function.Predicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotcell.core.backend.Matrices;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * An ordered set of named tensors: a model's parameters, or gradients with the same names and shapes. The
 * order is the insertion order and is what files and optimizers see.
 */
public final class Parameters {
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    /** An empty set. */
    public Parameters() {
    }

    /** A set holding these tensors, in order. */
    public static Parameters of(Collection<Parameter> parameters) {
        Parameters set = new Parameters();
        parameters.forEach(set::add);
        return set;
    }

    /**
     * Adds a tensor.
     *
     * @throws IllegalArgumentException when the name is taken
     */
    public Parameters add(Parameter parameter) {
        if (byName.putIfAbsent(parameter.name(), parameter) != null) {
            throw new IllegalArgumentException("parameter name " + parameter.name() + " is used twice");
        }
        return this;
    }

    /** The tensor of this name, if present. */
    public Optional<Parameter> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The tensor of this name.
     *
     * @throws BadModelException naming the missing tensor and those present
     */
    public Parameter get(String name) {
        Parameter parameter = byName.get(name);
        if (parameter == null) {
            throw new BadModelException("model has no tensor named " + name + "; it has " + byName.keySet());
        }
        return parameter;
    }

    /** The data of the named tensor, or null when absent (optional tensors such as biases). */
    public float[] dataOrNull(String name) {
        Parameter parameter = byName.get(name);
        return parameter == null ? null : parameter.data();
    }

    /** Every tensor, in order. */
    public List<Parameter> list() {
        return new ArrayList<>(byName.values());
    }

    /** The number of tensors. */
    public int size() {
        return byName.size();
    }

    /** The total number of scalars. */
    public long scalarCount() {
        long count = 0;
        for (Parameter parameter : byName.values()) {
            count += parameter.data().length;
        }
        return count;
    }

    /** Zero tensors with the same names and shapes, for gradients. */
    public Parameters zerosLike() {
        Parameters zeros = new Parameters();
        byName.values().forEach(p -> zeros.add(p.zerosLike()));
        return zeros;
    }

    /** A deep copy. */
    public Parameters copy() {
        Parameters copy = new Parameters();
        byName.values().forEach(p -> copy.add(p.copy()));
        return copy;
    }

    /**
     * The Euclidean norm of every tensor whose name starts with {@code prefix} (all of them for ""), summed
     * in double precision.
     */
    public double norm(String prefix) {
        double sum = 0;
        for (Parameter parameter : byName.values()) {
            if (parameter.name().startsWith(prefix)) {
                for (float v : parameter.data()) {
                    sum += (double) v * v;
                }
            }
        }
        return Math.sqrt(sum);
    }

    /** Multiplies every value by {@code factor}. */
    public void scale(float factor) {
        for (Parameter parameter : byName.values()) {
            float[] data = parameter.data();
            for (int i = 0; i < data.length; i++) {
                data[i] *= factor;
            }
        }
    }

    /**
     * {@code p <- p + alpha * d} for every tensor p and its namesake d in {@code delta}, each element in float
     * arithmetic (product rounded, then the sum): the expression packed weights are updated with
     * ({@link org.hotcell.core.cell.Cell#addToWeights}), so a master copy and a packed one stay bitwise equal.
     *
     * @throws BadModelException naming a tensor {@code delta} lacks
     * @throws org.hotcell.core.error.ShapeMismatchException naming a tensor of another length
     */
    public void addScaled(Parameters delta, float alpha) {
        addScaled(delta, alpha, parameter -> true);
    }

    /**
     * {@link #addScaled(Parameters, float)} for the parameters {@code which} accepts only (a network updates its
     * cells' tensors with the cells, and the rest here).
     */
    public void addScaled(Parameters delta, float alpha, Predicate<Parameter> which) {
        for (Parameter parameter : byName.values()) {
            if (!which.test(parameter)) {
                continue;
            }
            float[] p = parameter.data();
            float[] d = delta.get(parameter.name()).data();
            ShapeMismatchException.check("length of the update of " + parameter.name(), d.length, p.length);
            Matrices.addScaled(alpha, d, 0, p, 0, p.length);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && p.byName.equals(byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return "Parameters" + byName.values();
    }
}
