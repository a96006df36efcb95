package org.hotcell.study;

/** What the data say of a claim. */
public enum Verdict {
    /** The data support the claim at the study's significance level (Holm-adjusted p &lt; 0.05). */
    HELD("held"),
    /** The data contradict it: the alternative did at least as well, or significantly better. */
    NOT_HELD("not held"),
    /** Neither: too small a difference for the seeds run, or mixed evidence. */
    INCONCLUSIVE("inconclusive");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** E.g. {@code not held}. */
    public String text() {
        return text;
    }
}
