/**
 * The study's API: {@link org.hotcell.study.Study} runs what a {@link org.hotcell.study.StudyRequest} asks for
 * (the nine claims, or some of them) and writes the report; each claim ends as a {@link
 * org.hotcell.study.ClaimFinding} with a {@link org.hotcell.study.Verdict}; a run is a {@link
 * org.hotcell.study.RunConfig} and a seed, and gives a {@link org.hotcell.study.RunResult}. Running, judging,
 * statistics, timing, plotting and plugin loading live in {@code internal} packages.
 */
@Version("0.2.0")
package org.hotcell.study;

import org.osgi.annotation.versioning.Version;
