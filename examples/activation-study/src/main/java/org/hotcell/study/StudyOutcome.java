package org.hotcell.study;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished study.
 *
 * @param plan    the grid that ran
 * @param results one per run, in the plan's order
 * @param summary the summary's sentences
 * @param index   the report's index.html
 * @param seconds wall-clock time of the runs
 */
public record StudyOutcome(StudyPlan plan, List<RunResult> results, List<String> summary, Path index,
                           double seconds) {
}
