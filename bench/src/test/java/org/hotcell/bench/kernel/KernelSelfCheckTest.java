package org.hotcell.bench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotcell.bench.recurrent.TamperedBackend;
import org.hotcell.bench.recurrent.TamperedBackend.Part;
import org.junit.jupiter.api.Test;

class KernelSelfCheckTest {

    @Test
    void gemmAcceptsTheSimdBackendAndRejectsAWrongProduct() {
        SimdGemm good = gemm();
        assertThatCode(good::setUp).doesNotThrowAnyException();

        SimdGemm bad = gemm();
        bad.backendWrapper = b -> new TamperedBackend(b, Part.MULTIPLY);
        assertThatThrownBy(bad::setUp).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SimdGemm m=32 H=64");
    }

    @Test
    void gemmFlopsCountTwoPerMultiplyAdd() {
        assertThat(SimdGemm.flops(32, 512)).isEqualTo(2.0 * 32 * 2048 * 512);
    }

    @Test
    void fmaPeakAgreesWithScalarFmaAndCountsItsOperations() {
        FmaPeak peak = new FmaPeak();
        assertThatCode(peak::setUp).doesNotThrowAnyException();
        assertThat(FmaPeak.flopsPerCall())
                .isEqualTo(2.0 * FmaPeak.ITERATIONS * FmaPeak.ACCUMULATORS * FmaPeak.SPECIES.length());
    }

    @Test
    void fmaPeakSelfCheckFailsWhenTheKernelComputesSomethingElse() {
        FmaPeak peak = new FmaPeak();
        peak.b = Float.NaN; // the scalar and vector chains agree only on finite values: NaN must be rejected
        assertThatThrownBy(peak::setUp).isInstanceOf(IllegalStateException.class).hasMessageContaining("FmaPeak");
    }

    private static SimdGemm gemm() {
        SimdGemm gemm = new SimdGemm();
        gemm.m = 32;
        gemm.hidden = 64;
        return gemm;
    }
}
