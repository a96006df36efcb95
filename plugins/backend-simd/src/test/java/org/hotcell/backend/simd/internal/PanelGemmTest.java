package org.hotcell.backend.simd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The k blocking policy; the products themselves are checked against the reference backend elsewhere. */
class PanelGemmTest {

    @Test
    void aSmallANeedsNoKBlocksAndALargeOneGetsThem() {
        // 32 x 1024 (a batched step at H = 1024, batch 32) is 128 KiB: one pass over k.
        assertThat(PanelGemm.kBlock(32, 1024)).isEqualTo(1024);
        assertThat(PanelGemm.kBlock(5, 700)).isEqualTo(700);
        // Rows are counted in whole micro-panels: 33 rows pad to 36, and 36 x 1024 is over the limit.
        assertThat(PanelGemm.kBlock(33, 1024)).isEqualTo(PanelGemm.KC);
        // Batch 64 at H = 1024 is blocked: measured faster than one pass (see WHOLE_K_FLOATS).
        assertThat(PanelGemm.kBlock(64, 1024)).isEqualTo(PanelGemm.KC);
        assertThat(PanelGemm.kBlock(200, 600)).isEqualTo(PanelGemm.KC);
        assertThat(PanelGemm.kBlock(800, 512)).isEqualTo(PanelGemm.KC);
    }
}
