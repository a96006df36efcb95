package org.hotcell.study;

import java.util.List;

/**
 * The study's answer to one claim, computed from the runs.
 *
 * @param number    the claim's number (1 to 9)
 * @param claim     the claim as people make it
 * @param verdict   what the data say
 * @param effect    the main effect with its 95% confidence interval and test, one line
 * @param evidence  the figures behind the verdict, a line each
 * @param published what the published record found on it
 * @param agreement {@code agree}, {@code disagree} or {@code -} (nothing comparable published)
 * @param command   the command that reproduces this claim alone
 * @param plot      the plot's file name under {@code plots/}, or "" for none
 */
public record ClaimFinding(int number, String claim, Verdict verdict, String effect, List<String> evidence,
                           String published, String agreement, String command, String plot) {
    public ClaimFinding {
        evidence = List.copyOf(evidence);
    }
}
