package org.hotcell.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.hotcell.core.error.InvalidSpecException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ActivationSpecTest {

    @Test
    void parsesABareName() {
        ActivationSpec spec = ActivationSpec.parse("tanh");
        assertThat(spec.name()).isEqualTo("tanh");
        assertThat(spec.hasParameters()).isFalse();
        assertThat(spec).hasToString("tanh");
    }

    @Test
    void parsesNamedParameters() {
        ActivationSpec spec = ActivationSpec.parse("leaky_relu(alpha=0.1)");
        assertThat(spec.named()).containsExactly(Map.entry("alpha", new ParamValue.Number(0.1)));
        assertThat(spec.number("alpha")).isEqualTo(0.1);
    }

    @Test
    void parsesPositionalThenNamedWithSpacesAndWords() {
        ActivationSpec spec = ActivationSpec.parse("  hard_sigmoid ( 0.2 , beta = -5e-1 ) ");
        assertThat(spec.positional()).containsExactly(new ParamValue.Number(0.2));
        assertThat(spec.named()).containsExactly(Map.entry("beta", new ParamValue.Number(-0.5)));
        assertThat(ActivationSpec.parse("gelu(approximate=tanh)").word("approximate")).isEqualTo("tanh");
        assertThat(ActivationSpec.parse("hard_tanh(min_val=-inf, max_val=inf)").number("min_val"))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ActivationSpec.parse("relu()")).isEqualTo(ActivationSpec.of("relu"));
    }

    @Test
    void positionalWordsAreValuesNotNames() {
        ActivationSpec spec = ActivationSpec.parse("gelu(tanh)");
        assertThat(spec.positional()).containsExactly(new ParamValue.Word("tanh"));
        assertThat(spec.named()).isEmpty();
    }

    @Test
    void onnxStyleNamesParseAsWritten() {
        assertThat(ActivationSpec.parse("LeakyRelu(0.1)").name()).isEqualTo("LeakyRelu");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''                    | expected an activation name, found an empty spec",
            "'1relu'               | at column 1: expected an activation name, found '1'",
            "'relu(alpha=)'        | at column 12: expected a number or a word for 'alpha', found ')'",
            "'relu(alpha=0.1'      | at column 15: expected ',' or ')', found the end of the text",
            "'relu(alpha 0.1)'     | at column 12: expected ',' or ')', found '0'",
            "'relu(a=1, a=2)'      | parameter 'a' given twice",
            "'relu(a=1, 2)'        | expected a named parameter (positional parameters come first)",
            "'relu) x'             | expected the end of the spec, found ') x'",
            "'relu(1..2)'          | at column 6: expected a number or a word for '#0', found '1'",
            "'relu(a=nan)'         | expected a number for 'a', found NaN",
            "'tänh'                | expected the end of the spec, found 'änh'",
    })
    void malformedTextIsRejectedWithThePlaceAndWhatWasExpected(String text, String message) {
        assertThatThrownBy(() -> ActivationSpec.parse(text))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("cannot parse activation spec '" + text + "'")
                .hasMessageContaining(message);
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> ActivationSpec.parse(null)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void printsInAFormThatParsesBack() {
        ActivationSpec spec = new ActivationSpec("scaled_tanh", List.of(new ParamValue.Number(1.7159)),
                Map.of("beta", new ParamValue.Number(2.0 / 3)));
        assertThat(spec).hasToString("scaled_tanh(1.7159, beta=0.6666666666666666)");
        assertThat(ActivationSpec.parse(spec.toString())).isEqualTo(spec);
    }

    @Test
    void numberAndWordAccessorsNameTheParameterWhenAbsentOrOfTheWrongKind() {
        ActivationSpec spec = ActivationSpec.parse("gelu(approximate=tanh)");
        assertThatThrownBy(() -> spec.number("approximate")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("activation 'gelu(approximate=tanh)' needs a number for parameter 'approximate', found tanh");
        assertThatThrownBy(() -> spec.word("alpha")).hasMessageContaining("parameter 'alpha', found none");
    }
}
