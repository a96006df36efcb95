/**
 * Running the grid: one run ({@link org.hotcell.study.internal.run.SingleRun}, the model module's trainer with
 * a listener that records curves), the thread pool that spreads runs over the cores, and the progress bars.
 */
package org.hotcell.study.internal.run;
