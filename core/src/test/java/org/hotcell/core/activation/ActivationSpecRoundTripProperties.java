package org.hotcell.core.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The law: any spec prints to text that parses back to an equal spec. */
class ActivationSpecRoundTripProperties {

    @Property(tries = 500)
    void printThenParseGivesTheSameSpec(@ForAll("specs") ActivationSpec spec) {
        assertThat(ActivationSpec.parse(spec.toString())).isEqualTo(spec);
    }

    @Provide
    Arbitrary<ActivationSpec> specs() {
        Arbitrary<String> identifiers = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
                .flatMap(head -> Arbitraries.strings().withChars("abcxyz019_").ofMaxLength(5).map(tail -> head + tail));
        Arbitrary<ParamValue> numbers = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6).map(ParamValue.Number::new),
                Arbitraries.of(0.0, -0.0, 1e-300, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, 0.1).map(ParamValue.Number::new));
        Arbitrary<ParamValue> values = Arbitraries.oneOf(numbers, numbers, identifiers
                .filter(w -> !w.equals("inf") && !w.equals("infinity") && !w.equals("nan"))
                .map(ParamValue.Word::new));
        Arbitrary<List<ParamValue>> positional = values.list().ofMaxSize(3);
        Arbitrary<Map<String, ParamValue>> named = Combinators.combine(identifiers, values).as(Map::entry)
                .list().ofMaxSize(3).map(entries -> {
                    Map<String, ParamValue> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
                    return map;
                });
        return Combinators.combine(identifiers, positional, named).as(ActivationSpec::new);
    }
}
