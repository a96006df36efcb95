/**
 * Weights stored in fewer bits than float32 for inference ({@code WeightStorage} bf16 and int8): their panel
 * layouts, the kernels that read them with float32 accumulation, and one driver over both. At batch 1 a
 * recurrent step reads every weight once and does one multiply-add with it, so its time is the time to bring
 * the weights in from L2, L3 or memory; halving or quartering their bytes is the lever left.
 *
 * <p>The panels have the shape of {@code PanelMatrix}'s (PANEL output rows side by side per k step), so that
 * the kernels are the float32 ones with each panel load replaced by a load and a widening.
 */
package org.hotcell.backend.simd.internal.lowp;
