package org.hotcell.runtime.trust;

/**
 * Whether a plugin jar may load, and why.
 *
 * @param trusted whether it may load
 * @param reason  why: the matching hash or certificate, or what failed
 */
public record Verdict(boolean trusted, String reason) {

    /** A jar that may load, with the reason. */
    public static Verdict trusted(String reason) {
        return new Verdict(true, reason);
    }

    /** A jar that must not load, with the reason. */
    public static Verdict refused(String reason) {
        return new Verdict(false, reason);
    }
}
