package org.hotcell.study.internal.claims;

import java.util.List;

import org.hotcell.study.ClaimFinding;

/**
 * One claim of the question, as its own experiment: the configurations it runs (sharing runs with other claims
 * where the configuration is the same) and the verdict it computes from their results.
 */
public interface Claim {
    /** 1 to 9, the order of the report. */
    int number();

    /** The claim as people make it. */
    String statement();

    /** What the published record found (and where), one sentence. */
    String published();

    /** The configurations to run under a budget. */
    List<Arm> arms(Budget budget);

    /**
     * The verdict, effect and evidence, and the plot (written to {@code plots/claim-N.png} by the report).
     *
     * @param evidence the results of every arm (and the timings)
     */
    Judgement judge(Evidence evidence, Budget budget);

    /** A finding and its plot. */
    record Judgement(ClaimFinding finding, byte[] plot) {
    }
}
