/**
 * Paired measurements: two Hotcell configurations in one JVM, their calls alternating, so that both see the
 * same minutes of a machine whose speed drifts. What the suite uses for the cost of an activation over tanh.
 */
package org.hotcell.bench.paired;
