package org.hotcell.study.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.RunConfig;
import org.hotcell.study.RunResult;
import org.hotcell.study.internal.claims.Claim;

/**
 * Writes the report directory: {@code index.html} (self-contained: styles inline, every plot embedded as a
 * base64 PNG, so it opens offline and can be mailed alone) opening with the claims table, a section per claim
 * with its evidence and plot, the same plots as files under {@code plots/}, {@code results.csv}, {@code
 * curves.csv} and {@code flow.csv}.
 */
public final class Report {
    private Report() {
    }

    /**
     * Writes the report.
     *
     * @param names each configuration's short name (as its claim calls it)
     * @param how   lines saying how the study was run (budget, threads, time)
     * @return the index.html written
     */
    public static Path write(Path dir, List<Claim.Judgement> judgements, List<RunResult> results,
                             Map<RunConfig, String> names, List<String> how) {
        try {
            Path plots = Files.createDirectories(dir.resolve("plots"));
            Files.writeString(dir.resolve("results.csv"), ResultsCsv.results(results), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("curves.csv"), ResultsCsv.curves(results), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("flow.csv"), ResultsCsv.flow(results), StandardCharsets.UTF_8);
            Html html = new Html();
            html.head("Hotcell activation study");
            html.raw("<h1>Why sigmoid gates and a tanh candidate? Can ReLU do instead?</h1>\n");
            html.raw("<p>Each claim people make about the LSTM's functions is tested as its own experiment. "
                    + "Verdicts are computed from the runs: <b>held</b> when the data support the claim "
                    + "(Holm-adjusted p &lt; 0.05 within the claim), <b>not held</b> when the alternative did at "
                    + "least as well, <b>inconclusive</b> otherwise. Success rates carry 95% Wilson intervals; "
                    + "steps to solve are Kaplan-Meier medians with unsolved runs censored at the budget.</p>\n");
            html.table(claimsTable(judgements));
            html.list("How this was run", how);
            html.raw("<p>Data: <a href=\"results.csv\">results.csv</a> (one row per run), "
                    + "<a href=\"curves.csv\">curves.csv</a> (every recorded step of every run), "
                    + "<a href=\"flow.csv\">flow.csv</a> (gradient norms over time).</p>\n");
            for (Claim.Judgement judgement : judgements) {
                ClaimFinding f = judgement.finding();
                html.raw("<h2>Claim " + f.number() + ": " + Html.escape(f.verdict().text()) + "</h2>\n<p><i>"
                        + Html.escape(f.claim()) + "</i></p>\n<p>" + Html.escape(f.effect()) + "</p>\n");
                if (judgement.plot() != null) {
                    Files.write(plots.resolve(f.plot()), judgement.plot());
                    html.image("Claim " + f.number(), "plots/" + f.plot(), judgement.plot());
                }
                html.list("Evidence", f.evidence());
                html.raw("<p>Published: " + Html.escape(f.published()) + " (" + Html.escape(f.agreement())
                        + ")</p>\n<p>Reproduce: <code>" + Html.escape(f.command()) + "</code></p>\n");
            }
            html.raw("<h2>Configurations</h2>\n");
            html.table(configurations(names));
            html.raw("</body></html>\n");
            Path index = dir.resolve("index.html");
            Files.writeString(index, html.text(), StandardCharsets.UTF_8);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study report to " + dir, e);
        }
    }

    /** The table the report opens with: a row per claim. */
    static List<List<String>> claimsTable(List<Claim.Judgement> judgements) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("#", "claim", "verdict", "effect (95% CI, test)", "plot", "reproduce", "published",
                "agrees"));
        for (Claim.Judgement j : judgements) {
            ClaimFinding f = j.finding();
            rows.add(List.of(String.valueOf(f.number()), f.claim(), f.verdict().text(), f.effect(),
                    f.plot().isEmpty() ? "-" : "plots/" + f.plot(), f.command(), f.published(), f.agreement()));
        }
        return rows;
    }

    private static List<List<String>> configurations(Map<RunConfig, String> names) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "configuration"));
        names.forEach((config, name) -> rows.add(List.of(name, config.label())));
        return rows;
    }
}
