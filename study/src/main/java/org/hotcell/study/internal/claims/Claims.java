package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.study.RunConfig;

/** The nine claims, and the distinct configurations a set of them needs (shared runs are run once). */
public final class Claims {
    private static final List<Claim> ALL = List.of(new GatingRangeClaim(), new NegativeCandidateClaim(),
            new RescaledSigmoidClaim(), new BoundedStateClaim(), new OutputActivationClaim(),
            new GradientFlowClaim(), new LeakyReluClaim(), new CheaperHardTanhClaim(), new CellCandidateClaim());

    private Claims() {
    }

    /** Every claim, in order. */
    public static List<Claim> all() {
        return ALL;
    }

    /**
     * The claims with these numbers, in order.
     *
     * @throws InvalidSpecException naming a number that is no claim
     */
    public static List<Claim> select(List<Integer> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            return ALL;
        }
        List<Claim> chosen = new ArrayList<>();
        for (Claim claim : ALL) {
            if (numbers.contains(claim.number())) {
                chosen.add(claim);
            }
        }
        for (int n : numbers) {
            if (n < 1 || n > ALL.size()) {
                throw new InvalidSpecException("--claims: there is no claim " + n + "; the claims are 1 to "
                        + ALL.size());
            }
        }
        return chosen;
    }

    /** The distinct configurations the claims run, in first-use order. */
    public static List<RunConfig> configurations(List<Claim> claims, Budget budget) {
        LinkedHashSet<RunConfig> configs = new LinkedHashSet<>();
        for (Claim claim : claims) {
            claim.arms(budget).forEach(arm -> configs.add(arm.config()));
        }
        return List.copyOf(configs);
    }

    /** Each configuration's name in the first claim that runs it. */
    public static Map<RunConfig, String> names(List<Claim> claims, Budget budget) {
        Map<RunConfig, String> names = new LinkedHashMap<>();
        for (Claim claim : claims) {
            claim.arms(budget).forEach(arm -> names.putIfAbsent(arm.config(), arm.name()));
        }
        return names;
    }

    /** Whether the claims need the in-process timings (claim 8). */
    public static boolean needTimings(List<Claim> claims) {
        return claims.stream().anyMatch(c -> c instanceof CheaperHardTanhClaim);
    }

    /** The activations claim 8 times per kernel, and the candidates it times per training step. */
    public static List<List<String>> timed() {
        return List.of(CheaperHardTanhClaim.TIMED, CheaperHardTanhClaim.STEP_TIMED);
    }
}
