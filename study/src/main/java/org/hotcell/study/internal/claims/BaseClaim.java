package org.hotcell.study.internal.claims;

import java.util.List;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.Verdict;

/** What every claim has besides its experiment: its number, its words, and what was published on it. */
abstract class BaseClaim implements Claim {
    private final int number;
    private final String statement;
    private final String published;

    BaseClaim(int number, String statement, String published) {
        this.number = number;
        this.statement = statement;
        this.published = published;
    }

    @Override
    public final int number() {
        return number;
    }

    @Override
    public final String statement() {
        return statement;
    }

    @Override
    public final String published() {
        return published;
    }

    /** The first arm (the baseline) against every other, on the task. */
    final VersusBase firstAgainstRest(Evidence evidence, Budget budget) {
        List<Arm> arms = arms(budget);
        return new VersusBase(evidence, arms.get(0), arms.subList(1, arms.size()));
    }

    /** A finding with this claim's words, published record, command and plot file. */
    final ClaimFinding finding(Verdict verdict, String effect, List<String> evidence, String agreement) {
        return new ClaimFinding(number, statement, verdict, effect, evidence, published, agreement,
                Text.command(number), Text.plot(number));
    }

    /** Agreement with a published finding that says the claim holds: a held verdict agrees, not held disagrees. */
    static String agreement(Verdict verdict) {
        return verdict == Verdict.HELD ? "agree" : verdict == Verdict.NOT_HELD ? "disagree" : "-";
    }
}
