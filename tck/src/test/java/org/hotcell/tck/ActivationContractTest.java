package org.hotcell.tck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.activation.ParamValue;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The kit passes a correct activation and catches each kind of wrong one, naming where it went wrong. */
class ActivationContractTest {

    @TestFactory
    Stream<DynamicNode> aCorrectActivationPassesEveryCheck() {
        return ActivationContract.of(new ToyActivation()).bulkTolerance(Tolerance.EXACT).tests();
    }

    @Test
    void claimingBoundedWhenNotFailsNamingThePoint() {
        ToyActivation unbounded = new ToyActivation() {
            @Override
            public float apply(float x) {
                return x;
            }

            @Override
            public float derivative(float x, float y) {
                return 1;
            }
        };
        assertThatThrownBy(ActivationContract.of(unbounded)::checkRange)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("toy_softsign(scale=2.0): range fails")
                .hasMessageContaining("at x = -1000000.0: output -1000000.0 is outside the declared range [-2, 2]"
                        + " (it claims to be bounded)");
    }

    @Test
    void aWrongDerivativeFailsNamingThePoint() {
        ToyActivation wrong = new ToyActivation() {
            @Override
            public float derivative(float x, float y) {
                return 2 - Math.abs(y);
            }
        };
        assertThatThrownBy(ActivationContract.of(wrong)::checkDerivative)
                .hasMessageContaining("derivative fails")
                .hasMessageMatching("(?s).*at x = -?[0-9.E-]+: derivative [0-9.E-]+, finite difference .*");
    }

    @Test
    void aDerivativeWrongOnlyAtAKinkIsCaughtThere() {
        ToyActivation kinked = new ToyActivation() {
            @Override
            public ActivationProperties properties() {
                return new ActivationProperties(-2, 2, true, true, true, List.of(0.0));
            }

            @Override
            public float derivative(float x, float y) {
                return x == 0f ? 7f : super.derivative(x, y);
            }
        };
        assertThatCode(ActivationContract.of(kinked)::checkDerivative).doesNotThrowAnyException();
        assertThatThrownBy(ActivationContract.of(kinked)::checkDerivativeAtKinks)
                .hasMessageContaining("at the kink x = 0.0: derivative 7.0");
    }

    @Test
    void bulkFormsThatDriftFromTheScalarFormFail() {
        assertThatThrownBy(ActivationContract.of(ToyActivation.withBulkDrift(() -> 1))::checkBulkApply)
                .hasMessageContaining("bulk apply fails")
                .hasMessageContaining("tolerance 4 ulp");
    }

    @Test
    void hiddenStateInTheBulkFormsIsCaught() {
        AtomicInteger calls = new AtomicInteger();
        ToyActivation stateful = ToyActivation.withBulkDrift(() -> calls.incrementAndGet() > 1 ? 1 : 0);
        assertThatThrownBy(ActivationContract.of(stateful)::checkThreadSafety)
                .hasMessageContaining("thread safety fails")
                .hasMessageContaining("(alone ");
    }

    @Test
    void writingOutsideTheRangeIsCaught() {
        ToyActivation spills = new ToyActivation() {
            @Override
            public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
                for (int i = 0; i < length; i++) {
                    dst[dstOff + i] = apply(src[srcOff + i]);
                }
                if (dstOff + length < dst.length) {
                    dst[dstOff + length] = 0f;
                }
            }
        };
        assertThatThrownBy(ActivationContract.of(spills)::checkBulkApply)
                .hasMessageContaining("outside its range");
    }

    @Test
    void wrongDeclaredPropertiesAreCaughtBothWays() {
        ActivationContract notMonotonic = ActivationContract.of(ToyActivation.claiming(
                new ActivationProperties(-2, 2, false, true, true, List.of())));
        assertThatThrownBy(notMonotonic::checkMonotonic).hasMessageContaining("declares not monotonic");

        ActivationContract notSaturating = ActivationContract.of(ToyActivation.claiming(
                new ActivationProperties(-2, 2, true, true, false, List.of())));
        assertThatThrownBy(notSaturating::checkSaturating).hasMessageContaining("declares not saturating");

        ActivationContract notCentred = ActivationContract.of(ToyActivation.claiming(
                new ActivationProperties(-2, 2, true, false, true, List.of())));
        assertThatThrownBy(notCentred::checkZeroCentred).hasMessageContaining("declares not zero-centred");

        ActivationContract loose = ActivationContract.of(ToyActivation.claiming(
                new ActivationProperties(-5, 2, true, true, true, List.of())));
        assertThatThrownBy(loose::checkRangeTight).hasMessageContaining("declares min -5.0");

        ActivationContract unbounded = ActivationContract.of(ToyActivation.claiming(
                new ActivationProperties(-2, Double.POSITIVE_INFINITY, true, true, true, List.of())));
        assertThatThrownBy(unbounded::checkRangeTight)
                .hasMessageContaining("declares max +inf, but the output stops growing");
    }

    @Test
    void aNonMonotonicFunctionClaimingMonotonicFailsNamingThePair() {
        ToyActivation bump = new ToyActivation() {
            @Override
            public float apply(float x) {
                return Math.abs(x - 1f) < 0.5f ? 0f : super.apply(x);
            }
        };
        assertThatThrownBy(ActivationContract.of(bump)::checkMonotonic)
                .hasMessageContaining("declares monotonic (non-decreasing), but f(0.5) = ");
    }

    @Test
    void swallowingNaNOrGettingTheLimitsWrongFails() {
        ToyActivation eatsNaN = new ToyActivation() {
            @Override
            public float apply(float x) {
                return Float.isNaN(x) ? 0f : super.apply(x);
            }
        };
        assertThatThrownBy(ActivationContract.of(eatsNaN)::checkSpecialValues)
                .hasMessageContaining("at x = NaN: output 0.0, expected NaN");

        ToyActivation naiveInfinity = new ToyActivation() {
            @Override
            public float apply(float x) {
                return (float) (2.0 * x / (1.0 + Math.abs((double) x)));
            }
        };
        assertThatThrownBy(ActivationContract.of(naiveInfinity)::checkSpecialValues)
                .hasMessageContaining("at x = Infinity: output NaN, expected the limit");
    }

    @Test
    void aSpecThatDoesNotParseBackFails() {
        ToyActivation nanParameter = new ToyActivation() {
            @Override
            public ActivationSpec spec() {
                return new ActivationSpec("toy", List.of(), Map.of("scale", ParamValue.of(Double.NaN)));
            }
        };
        assertThatThrownBy(ActivationContract.of(nanParameter)::checkSpecRoundTrip)
                .hasMessageContaining("spec text 'toy(scale=NaN)' does not parse back");
    }
}
