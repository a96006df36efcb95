package org.example.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The overflow-free forms against the textbook formulas evaluated in double, where double does not overflow;
 * the limits at infinity; NaN through the bulk forms; and the error for an unusable alpha.
 */
class FormulasTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    private static Activation activation(String text) {
        return REGISTRY.activation(ActivationSpec.parse(text));
    }

    @ParameterizedTest(name = "isru(alpha={1}) at x = {0}")
    @CsvSource({"0, 1", "1e-20, 1", "-0.3, 1", "1, 1", "2.5, 0.25", "-7, 4", "40, 1", "1e6, 0.001", "-1e19, 2",
            "3e30, 1", "-3.4e38, 1000"})
    void isruMatchesTheTextbookFormula(double x, double alpha) {
        Activation isru = activation("isru(alpha=" + alpha + ")");
        double expected = x / Math.sqrt(1 + alpha * x * x);
        double slope = Math.pow(1 + alpha * x * x, -1.5);
        float xf = (float) x;
        assertClose(expected, isru.apply(xf), "isru(" + x + ")");
        assertClose(slope, isru.derivative(xf, isru.apply(xf)), "isru'(" + x + ")");
    }

    @ParameterizedTest(name = "bent_identity at x = {0}")
    @CsvSource({"0", "1e-20", "1e-4", "-0.3", "1", "-1", "2.5", "-7", "1e6", "-1e19", "3e30", "-3e38"})
    void bentIdentityMatchesTheTextbookFormula(double x) {
        Activation bent = activation("bent_identity");
        // The cancellation-free form of (sqrt(x^2 + 1) - 1) / 2 + x, in double.
        double expected = x * x / (2 * (Math.sqrt(x * x + 1) + 1)) + x;
        double slope = x / (2 * Math.sqrt(x * x + 1)) + 1;
        float xf = (float) x;
        assertClose(expected, bent.apply(xf), "bent_identity(" + x + ")");
        assertClose(slope, bent.derivative(xf, bent.apply(xf)), "bent_identity'(" + x + ")");
    }

    @Test
    void limitsAtInfinity() {
        Activation isru = activation("isru(alpha=4)");
        assertEquals(0.5f, isru.apply(Float.POSITIVE_INFINITY));
        assertEquals(-0.5f, isru.apply(Float.NEGATIVE_INFINITY));
        assertEquals(0f, isru.derivative(Float.POSITIVE_INFINITY, 0.5f));
        Activation bent = activation("bent_identity");
        assertEquals(Float.POSITIVE_INFINITY, bent.apply(Float.POSITIVE_INFINITY));
        assertEquals(Float.NEGATIVE_INFINITY, bent.apply(Float.NEGATIVE_INFINITY));
        assertEquals(1.5f, bent.derivative(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY));
        assertEquals(0.5f, bent.derivative(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY));
    }

    /** Special values in every lane of a vector, not only in the scalar tail. */
    @Test
    void bulkFormsKeepSpecialValuesInEveryLane() {
        float[] x = new float[67];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 4) {
                case 0 -> Float.NaN;
                case 1 -> Float.POSITIVE_INFINITY;
                case 2 -> Float.NEGATIVE_INFINITY;
                default -> -0f;
            };
        }
        for (String text : new String[] {"isru", "bent_identity"}) {
            Activation a = activation(text);
            float[] y = new float[x.length];
            float[] d = new float[x.length];
            a.apply(x, 0, y, 0, x.length);
            a.derivative(x, 0, y, 0, d, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Float.floatToIntBits(a.apply(x[i])), Float.floatToIntBits(y[i]), text + " at " + x[i]);
                assertEquals(Float.floatToIntBits(a.derivative(x[i], y[i])), Float.floatToIntBits(d[i]),
                        text + "' at " + x[i]);
            }
            assertTrue(Float.isNaN(y[0]) && Float.isNaN(d[0]), text + " keeps NaN");
        }
    }

    @Test
    void bulkFormsWorkInPlace() {
        float[] x = new float[41];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - 20) * 0.7f;
        }
        float[] expected = new float[x.length];
        Activation isru = activation("isru(alpha=0.5)");
        isru.apply(x, 0, expected, 0, x.length);
        isru.applyInPlace(x, 0, x.length);
        assertEquals(Arrays.toString(expected), Arrays.toString(x));
    }

    @Test
    void alphaOutsideItsRangeIsNamedWithTheValidRange() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> activation("isru(alpha=0)"));
        assertTrue(e.getMessage().contains("'alpha'") && e.getMessage().contains("[0.001, 1000.0]"),
                e.getMessage());
    }

    private static void assertClose(double expected, float actual, String what) {
        double tolerance = 3 * Math.ulp((float) expected) + Float.MIN_NORMAL;
        assertTrue(Math.abs(actual - expected) <= tolerance,
                what + ": expected " + expected + " within " + tolerance + ", got " + actual);
    }
}
