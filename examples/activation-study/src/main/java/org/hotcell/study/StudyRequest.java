package org.hotcell.study;

import java.nio.file.Path;
import java.util.List;

/**
 * What a user asked for on the command line; null or empty means "the preset's".
 *
 * @param full       the full grid instead of the quick one
 * @param tasks      a subset of the tasks
 * @param cells      a subset of the cells
 * @param gates      the gate functions
 * @param candidates the candidate functions (plugin activations are added to the preset's, not to these)
 * @param seeds      the seeds
 * @param steps      overrides every task's number of steps
 * @param clip       overrides the gradient-norm clipping bound (0 for none)
 * @param out        the report directory
 * @param plugins    a directory of activation plugin jars, or null
 * @param threads    runs at once; 0 for the number of available processors
 */
public record StudyRequest(boolean full, List<String> tasks, List<String> cells, List<String> gates,
                           List<String> candidates, List<Long> seeds, Integer steps, Double clip, Path out,
                           Path plugins,
                           int threads) {
}
