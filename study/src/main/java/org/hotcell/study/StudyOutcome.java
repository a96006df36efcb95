package org.hotcell.study;

import java.nio.file.Path;
import java.util.List;

/**
 * What a study gave.
 *
 * @param findings one per claim tested, in order
 * @param results  every run, in the order of results.csv
 * @param index    the report's index.html
 * @param seconds  wall-clock time of the whole study
 */
public record StudyOutcome(List<ClaimFinding> findings, List<RunResult> results, Path index, double seconds) {
    public StudyOutcome {
        findings = List.copyOf(findings);
        results = List.copyOf(results);
    }
}
