/**
 * Timing measurements for the claim "hard_tanh is cheaper": nanoseconds per element of each activation's bulk
 * kernels ({@link org.hotcell.study.internal.timing.ActivationTimings}) and milliseconds per training step of the
 * study's standard LSTM ({@link org.hotcell.study.internal.timing.TrainingStepTimings}), every candidate measured
 * in the same run, interleaved round-robin, with the raw samples kept for a rank test.
 *
 * <p>These are measurements, not benchmarks with a verdict built in: they return numbers, and their tests check
 * only the structure of what they return.
 */
package org.hotcell.study.internal.timing;
