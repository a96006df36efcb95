package org.hotcell.study.internal.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.CurvePoint;
import org.hotcell.study.LengthResult;
import org.hotcell.study.RunConfig;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.StateStats;
import org.hotcell.study.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules, on constructed results: each claim says held when the data clearly support it, not held
 * when they clearly contradict it, and inconclusive in between. No training here (the end-to-end test trains).
 */
class ClaimVerdictsTest {
    private static final Budget BUDGET = Budget.quick();

    /** A run that solved at {@code solved} (or never, -1; or diverged, -2), with a figure for the probes. */
    static RunResult run(RunConfig config, long seed, int solved, double stateFigure, double maxC) {
        boolean diverged = solved == -2;
        int steps = solved > 0 ? solved : config.setting().steps();
        List<CurvePoint> curve = List.of(new CurvePoint(0, Double.NaN, 0.2, 0, 0, Double.NaN),
                new CurvePoint(25, 0.1, 0.15 + seed * 1e-6, maxC, 1, 1));
        List<LengthResult> lengths = config.probes().evalLengths().stream()
                .map(l -> new LengthResult(l, 0.1, maxC * l / 50.0)).toList();
        List<Double> flow = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            flow.add(Math.pow(stateFigure, 25 - i));
        }
        return new RunResult(new RunSpec(config, seed), curve, 0.2, diverged ? Double.NaN : 0.005,
                solved > 0 ? solved : -1, steps, diverged ? 10 : -1, diverged ? "overflow" : "", maxC, 1, 1, 2,
                diverged ? StateStats.UNKNOWN : new StateStats(stateFigure, 0, stateFigure), lengths, flow, flow);
    }

    /** Evidence where each arm's ten seeds come from {@code outcome(arm)}: solved step, or -1 / -2. */
    static Evidence evidence(Claim claim, Function<Arm, int[]> outcome, Function<Arm, Double> state,
                             Function<Arm, Double> maxC) {
        Map<RunConfig, List<RunResult>> runs = new HashMap<>();
        for (Arm arm : claim.arms(BUDGET)) {
            int[] steps = outcome.apply(arm);
            List<RunResult> results = new ArrayList<>();
            for (int s = 0; s < steps.length; s++) {
                results.add(run(arm.config(), s + 1, steps[s], state.apply(arm), maxC.apply(arm)));
            }
            runs.put(arm.config(), results);
        }
        return new Evidence(runs, null);
    }

    static int[] solvedAt(int step) {
        int[] s = new int[10];
        for (int i = 0; i < 10; i++) {
            s[i] = step + 25 * i;
        }
        return s;
    }

    static int[] never() {
        return new int[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    }

    static ClaimFinding judge(Claim claim, Function<Arm, int[]> outcome) {
        return claim.judge(evidence(claim, outcome, a -> 0.5, a -> 1.0), BUDGET).finding();
    }

    @Test
    void claimOneHoldsWhenOnlyZeroToOneGatesSolveAndFailsWhenTanhGatesDoAsWell() {
        Claim claim = new GatingRangeClaim();
        ClaimFinding held = judge(claim, a -> a.name().startsWith("tanh") || a.name().startsWith("relu") ? never()
                : solvedAt(400));
        assertThat(held.verdict()).isEqualTo(Verdict.HELD);
        assertThat(held.effect()).contains("tanh 0/10").contains("sigmoid 10/10");
        assertThat(held.agreement()).isEqualTo("agree");

        assertThat(judge(claim, a -> solvedAt(400)).verdict()).isEqualTo(Verdict.NOT_HELD);
        // Relu gates never solve, but tanh gates do as well as sigmoid: the range is not what matters.
        ClaimFinding mixed = judge(claim, a -> a.name().startsWith("relu") ? never()
                : a.name().startsWith("tanh") ? solvedAt(410) : solvedAt(400));
        assertThat(mixed.verdict()).isEqualTo(Verdict.NOT_HELD);
        // Tanh gates solve, but clearly later: that counts against them (worse), relu never: held.
        assertThat(judge(claim, a -> a.name().startsWith("relu") ? never()
                : a.name().startsWith("tanh") ? solvedAt(700) : solvedAt(400)).verdict()).isEqualTo(Verdict.HELD);
    }

    @Test
    void claimTwoAndFiveJudgeTheAlternativeAgainstTheStandardLstm() {
        assertThat(judge(new NegativeCandidateClaim(), a -> a.name().startsWith("sigmoid") ? never()
                : solvedAt(300)).verdict()).isEqualTo(Verdict.HELD);
        assertThat(judge(new NegativeCandidateClaim(), a -> solvedAt(300)).verdict()).isEqualTo(Verdict.NOT_HELD);
        ClaimFinding noaf = judge(new OutputActivationClaim(), a -> a.name().contains("NOAF") ? never()
                : solvedAt(300));
        assertThat(noaf.verdict()).isEqualTo(Verdict.HELD);
        assertThat(noaf.agreement()).isEqualTo("agree");
        assertThat(judge(new OutputActivationClaim(), a -> solvedAt(300)).agreement()).isEqualTo("disagree");
    }

    @Test
    void claimThreeHoldsWhenSeedsAgreeAndFailsOnASystematicDifference() {
        Claim claim = new RescaledSigmoidClaim();
        assertThat(judge(claim, a -> solvedAt(300)).verdict()).isEqualTo(Verdict.HELD);
        ClaimFinding slower = judge(claim, a -> a.name().equals("tanh") ? solvedAt(300) : solvedAt(600));
        assertThat(slower.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(slower.effect()).contains("Wilcoxon p = 0.002");
    }

    @Test
    void claimFourHoldsWhenReluDivergesOrItsStateGrows() {
        Claim claim = new BoundedStateClaim();
        ClaimFinding diverges = claim.judge(evidence(claim, a -> a.config().candidate().equals("relu")
                ? new int[] {-2, -2, -2, -2, -2, -2, -2, -2, -2, -1} : never(), a -> 0.5, a -> 1.0), BUDGET).finding();
        assertThat(diverges.verdict()).isEqualTo(Verdict.HELD);
        assertThat(diverges.effect()).contains("relu 54/60").contains("tanh 0/60");

        ClaimFinding grows = claim.judge(evidence(claim, a -> never(), a -> 0.5,
                a -> a.config().candidate().equals("relu") ? 1e4 : 2.0), BUDGET).finding();
        assertThat(grows.verdict()).isEqualTo(Verdict.HELD);

        ClaimFinding same = claim.judge(evidence(claim, a -> never(), a -> 0.5, a -> 2.0), BUDGET).finding();
        assertThat(same.verdict()).isEqualTo(Verdict.NOT_HELD);

        // A relu state that overflows on the long test (training stayed finite) is the largest, not an error.
        ClaimFinding overflows = claim.judge(evidence(claim, a -> never(), a -> 0.5,
                a -> a.config().candidate().equals("relu") ? Double.POSITIVE_INFINITY : 2.0), BUDGET).finding();
        assertThat(overflows.verdict()).isEqualTo(Verdict.HELD);
        assertThat(overflows.effect()).contains("P(relu larger) = 1.00");
    }

    @Test
    void claimSixComparesGradientFlowSeedBySeed() {
        Claim claim = new GradientFlowClaim();
        // Norm ratio per step: tanh keeps the gradient (0.99 per probed step), relu loses it (0.5).
        ClaimFinding held = claim.judge(evidence(claim, a -> solvedAt(300),
                a -> a.config().candidate().equals("tanh") ? 0.99 : 0.5, a -> 1.0), BUDGET).finding();
        assertThat(held.verdict()).isEqualTo(Verdict.HELD);
        ClaimFinding reversed = claim.judge(evidence(claim, a -> a.config().candidate().equals("tanh")
                ? never() : solvedAt(300), a -> a.config().candidate().equals("tanh") ? 0.5 : 0.99, a -> 1.0),
                BUDGET).finding();
        assertThat(reversed.verdict()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void claimSevenNeedsMoreDeadUnitsAndBetterLearningForLeakyRelu() {
        Claim claim = new LeakyReluClaim();
        ClaimFinding held = claim.judge(evidence(claim, a -> a.name().equals("relu") ? never() : solvedAt(300),
                a -> a.name().equals("relu") ? 0.5 : 0.0, a -> 1.0), BUDGET).finding();
        assertThat(held.verdict()).isEqualTo(Verdict.HELD);
        ClaimFinding none = claim.judge(evidence(claim, a -> solvedAt(300), a -> 0.0, a -> 1.0), BUDGET).finding();
        assertThat(none.verdict()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void claimNineComparesTheCellsOverTheNonTanhCandidates() {
        Claim claim = new CellCandidateClaim();
        ClaimFinding held = judge(claim, a -> a.config().cell().equals("gru") || a.config().candidate().equals("tanh")
                ? solvedAt(300) : never());
        assertThat(held.verdict()).isEqualTo(Verdict.HELD);
        assertThat(held.effect()).contains("GRU 60/60").contains("LSTM 0/60");
        assertThat(judge(claim, a -> solvedAt(300)).verdict()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void claimEightJudgesTheTimingsAndNeedsThem() {
        Claim claim = new CheaperHardTanhClaim();
        Map<String, double[]> kernels = new HashMap<>();
        Map<String, double[]> steps = new HashMap<>();
        for (String name : CheaperHardTanhClaim.TIMED) {
            kernels.put(name, samples(name.equals("hard_tanh") ? 0.1 : 1.0));
        }
        for (String name : CheaperHardTanhClaim.STEP_TIMED) {
            steps.put(name, samples(name.equals("hard_tanh") ? 2.0 : 2.5));
        }
        ClaimFinding held = claim.judge(new Evidence(Map.of(), new Timings(kernels, kernels, steps, "test")), BUDGET)
                .finding();
        assertThat(held.verdict()).isEqualTo(Verdict.HELD);
        assertThat(held.effect()).contains("ratio 0.10");
        kernels.put("hard_tanh", samples(1.5));
        ClaimFinding slower = claim.judge(new Evidence(Map.of(), new Timings(kernels, kernels, steps, "test")), BUDGET)
                .finding();
        assertThat(slower.verdict()).isEqualTo(Verdict.NOT_HELD);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> claim.judge(new Evidence(Map.of(), null), BUDGET))
                .hasMessageContaining("timings");
    }

    private static double[] samples(double center) {
        double[] s = new double[20];
        for (int i = 0; i < s.length; i++) {
            s[i] = center * (1 + 0.01 * i);
        }
        return s;
    }

    @Test
    void claimsShareConfigurationsAndTheDefaultRunHasTenSeedsEach() {
        List<RunConfig> all = Claims.configurations(Claims.all(), BUDGET);
        int arms = Claims.all().stream().mapToInt(c -> c.arms(BUDGET).size()).sum();
        assertThat(all.size()).isLessThan(arms);
        assertThat(all).doesNotHaveDuplicates().contains(BUDGET.base());
        assertThat(BUDGET.seeds()).hasSize(10);
        assertThat(Budget.full().seeds()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(Claims.all()).extracting(Claim::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
