package org.hotcell.study.internal.claims;

import java.util.List;
import java.util.Map;

import org.hotcell.study.RunConfig;
import org.hotcell.study.RunResult;

/**
 * What the claims judge: the results of every configuration run (in seed order), and the timings measured in
 * this process (null when the timing claim was not asked for).
 */
public record Evidence(Map<RunConfig, List<RunResult>> runs, Timings timings) {

    /** The runs of an arm. */
    public List<RunResult> of(Arm arm) {
        return of(arm.config());
    }

    /** The runs of a configuration. */
    public List<RunResult> of(RunConfig config) {
        List<RunResult> results = runs.get(config);
        if (results == null) {
            throw new IllegalStateException("no results for " + config.label());
        }
        return results;
    }
}
