package org.hotcell.study.internal.claims;

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
}
