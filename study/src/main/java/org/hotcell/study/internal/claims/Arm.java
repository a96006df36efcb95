package org.hotcell.study.internal.claims;

import org.hotcell.study.RunConfig;

/**
 * One configuration an experiment compares, with the short name its tables and plots show.
 *
 * @param name   e.g. {@code relu gates}
 * @param config what is run for every seed
 */
public record Arm(String name, RunConfig config) {
}
