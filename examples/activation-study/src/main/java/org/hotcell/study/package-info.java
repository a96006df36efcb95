/**
 * The study's API: a {@link org.hotcell.study.StudyPlan} (the grid and the per-task settings), {@link
 * org.hotcell.study.Study} to run it and write the report, and the per-run {@link org.hotcell.study.RunResult}.
 * Running, plotting and plugin loading live in {@code internal} packages.
 */
@Version("0.1.0")
package org.hotcell.study;

import org.osgi.annotation.versioning.Version;
