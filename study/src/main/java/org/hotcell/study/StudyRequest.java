package org.hotcell.study;

import java.nio.file.Path;
import java.util.List;

/**
 * What a user asked for on the command line; null or empty means "the default".
 *
 * @param full       the full budget (more seeds, longer sequences, a larger model) instead of the default one
 * @param claims     the claims to test (1 to 9), all when empty
 * @param seeds      seeds per configuration (seeds 1 to n)
 * @param steps      overrides the step budget of every run
 * @param candidates candidate functions added to the cell x candidate claim (besides the plugins')
 * @param out        the report directory
 * @param plugins    a directory of activation plugin jars, or null
 * @param threads    runs at once; 0 for the number of available processors
 * @param spark      a Spark master URL to run the runs on, or null to run them in this process
 */
public record StudyRequest(boolean full, List<Integer> claims, Integer seeds, Integer steps, List<String> candidates,
                           Path out, Path plugins, int threads, String spark) {
}
