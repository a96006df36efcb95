/**
 * The statistics the activation study reports with: Wilson and Newcombe intervals for solve rates, Fisher's
 * exact test for "solved in k of n seeds" against another configuration, Mann-Whitney and Wilcoxon signed-rank
 * tests for metrics (unpaired and seed by seed), Holm's adjustment for the many comparisons of one grid, the
 * Kaplan-Meier median of steps to solve when some runs never solve, and the normal distribution they rest on.
 *
 * <p>Plain double-precision Java with no dependency, so that the report needs no statistics library; every
 * function is checked in its tests against SciPy. The p-values follow SciPy's conventions (two-sided, the same
 * choice between exact and normal-approximation p-values) so that a reader can reproduce a number in Python.
 */
package org.hotcell.study.internal.stats;
