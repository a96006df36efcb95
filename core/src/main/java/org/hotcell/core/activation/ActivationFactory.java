package org.hotcell.core.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.Names;

/**
 * Plugin SPI: makes activations by name. A plugin registers a factory as a {@code java.util.ServiceLoader}
 * provider ({@code provides} in its module-info) and as an OSGi service; the {@code Registry} finds it
 * either way.
 *
 * <p>A factory may serve several names; each name may have aliases (ONNX's {@code LeakyRelu} for
 * {@code leaky_relu}). Lookups ignore case and underscores (see {@link Names#key}).
 */
public interface ActivationFactory {

    /** The canonical names this factory serves, e.g. {@code leaky_relu}. */
    Set<String> names();

    /** Other names that mean a canonical name (key: alias, value: canonical name); empty by default. */
    default Map<String, String> aliases() {
        return Map.of();
    }

    /** The parameters {@code name} accepts, in positional order; empty for none. */
    List<ActivationParameter> parameters(String name);

    /** One line saying what {@code name} computes, its formula for preference. */
    String describe(String name);

    /**
     * Creates the activation a spec asks for. The spec is canonical (see {@link #canonical}) when the
     * registry calls this.
     *
     * @throws InvalidSpecException when a parameter value is unusable
     */
    Activation create(ActivationSpec canonicalSpec);

    /**
     * The canonical name this factory uses for {@code name} (or an alias of it), or null if it serves
     * neither.
     */
    default String canonicalName(String name) {
        String key = Names.key(name);
        for (String canonical : names()) {
            if (Names.key(canonical).equals(key)) {
                return canonical;
            }
        }
        for (Map.Entry<String, String> alias : aliases().entrySet()) {
            if (Names.key(alias.getKey()).equals(key)) {
                return alias.getValue();
            }
        }
        return null;
    }

    /**
     * The spec with the canonical name, positional parameters turned into named ones, defaults filled in,
     * and every value checked against the declared parameters.
     *
     * @throws InvalidSpecException naming the parameter, the value and the valid values, when a parameter is
     *                              unknown, given twice, of the wrong kind or out of range
     */
    default ActivationSpec canonical(ActivationSpec spec) {
        String name = canonicalName(spec.name());
        if (name == null) {
            throw new InvalidSpecException("factory serving " + names() + " does not serve '" + spec.name() + "'");
        }
        List<ActivationParameter> declared = parameters(name);
        if (spec.positional().size() > declared.size()) {
            throw new InvalidSpecException("activation '" + spec + "' has " + spec.positional().size()
                    + " positional parameters; " + name + " takes at most " + declared.size()
                    + describeParameters(declared));
        }
        Map<String, ParamValue> given = new LinkedHashMap<>();
        for (int i = 0; i < spec.positional().size(); i++) {
            given.put(declared.get(i).name(), spec.positional().get(i));
        }
        for (Map.Entry<String, ParamValue> entry : spec.named().entrySet()) {
            ActivationParameter parameter = declared.stream()
                    .filter(p -> p.name().equals(entry.getKey())).findFirst().orElse(null);
            if (parameter == null) {
                List<String> known = declared.stream().map(ActivationParameter::name).toList();
                String hint = Names.closest(entry.getKey(), known).map(c -> "; did you mean '" + c + "'?").orElse("");
                throw new InvalidSpecException("activation '" + spec + "': unknown parameter '" + entry.getKey()
                        + "'" + hint + describeParameters(declared));
            }
            if (given.put(entry.getKey(), entry.getValue()) != null) {
                throw new InvalidSpecException("activation '" + spec + "': parameter '" + entry.getKey()
                        + "' is given both by position and by name");
            }
        }
        Map<String, ParamValue> complete = new LinkedHashMap<>();
        for (ActivationParameter parameter : declared) {
            ParamValue value = given.getOrDefault(parameter.name(), parameter.defaultValue());
            if (!parameter.accepts(value)) {
                throw new InvalidSpecException("activation '" + spec + "': parameter '" + parameter.name()
                        + "' is " + value.text() + ", but must be " + parameter.validValues());
            }
            complete.put(parameter.name(), value);
        }
        return new ActivationSpec(name, List.of(), complete);
    }

    private static String describeParameters(List<ActivationParameter> declared) {
        if (declared.isEmpty()) {
            return " (it takes no parameters)";
        }
        List<String> parts = new ArrayList<>();
        for (ActivationParameter p : declared) {
            parts.add(p.name() + "=" + p.defaultValue().text());
        }
        return " (parameters: " + String.join(", ", parts) + ")";
    }
}
