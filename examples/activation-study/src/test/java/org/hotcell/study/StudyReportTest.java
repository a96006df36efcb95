package org.hotcell.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.study.internal.report.ResultsCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real (tiny) study, end to end: the report directory it writes. */
class StudyReportTest {
    @TempDir
    static Path dir;
    static TinyGrids.Ran ran;

    @BeforeAll
    static void runTinyGrid() {
        ran = TinyGrids.run(TinyGrids.plan(List.of("tanh", "relu")), PluginRegistry.discover(), dir, 2);
    }

    @Test
    void resultsCsvHasTheColumnsAndOneRowPerRunInPlanOrder() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", ResultsCsv.COLUMNS));
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            assertThat(fields).hasSize(ResultsCsv.COLUMNS.size());
            assertThat(fields[0]).isEqualTo("adding");
            assertThat(fields[2]).isEqualTo("lstm");
            assertThat(fields[3]).isEqualTo("sigmoid");
            assertThat(fields[5]).isEqualTo("7");
            assertThat(fields[6]).isEqualTo("6");
            // A tiny run stays finite: its final metric is a number, its divergence empty.
            assertThat(Double.parseDouble(fields[ResultsCsv.COLUMNS.indexOf("final_metric")])).isFinite();
            assertThat(fields[ResultsCsv.COLUMNS.indexOf("diverged_step")]).isEmpty();
            assertThat(Double.parseDouble(fields[ResultsCsv.COLUMNS.indexOf("max_abs_c")])).isPositive();
        }
        assertThat(lines.get(1).split(",")[4]).isEqualTo("tanh");
        assertThat(lines.get(2).split(",")[4]).isEqualTo("relu");
    }

    @Test
    void curvesAreRecordedEveryIntervalFromStepZero() {
        for (RunResult r : ran.outcome().results()) {
            assertThat(r.curve()).extracting(CurvePoint::step).containsExactly(0, 2, 4, 6);
            assertThat(r.curve().get(r.curve().size() - 1).metric()).isEqualTo(r.finalMetric());
            assertThat(r.curve().get(0).metric()).isEqualTo(r.initialMetric());
        }
        assertThat(dir.resolve("curves.csv")).content().startsWith(String.join(",", ResultsCsv.CURVE_COLUMNS))
                .contains("adding,lstm,sigmoid,relu,7,4,");
    }

    @Test
    void plotsAreValidPngsOfSomeSize() throws IOException {
        List<Path> pngs;
        try (Stream<Path> files = Files.list(dir.resolve("plots"))) {
            pngs = files.sorted().toList();
        }
        // One heat map, the learning curves and the cell-state growth of the one cell and gate.
        assertThat(pngs).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "adding-lstm-heatmap.png", "adding-lstm-sigmoid-curves.png", "adding-lstm-sigmoid-cell-state.png");
        for (Path png : pngs) {
            assertThat(Files.size(png)).as(png.toString()).isGreaterThan(5_000);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(300);
            assertThat(image.getHeight()).isGreaterThan(200);
        }
    }

    @Test
    void indexIsSelfContainedWithTheSummaryAndEmbeddedPlots() throws IOException {
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("</html>");
        // Nothing fetched from elsewhere: no external scripts, styles or images.
        assertThat(html).doesNotContain("<script", "<link", "http://", "https://");
        Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(
                    Base64.getDecoder().decode(images.group(1))));
            assertThat(image).isNotNull();
            count++;
        }
        assertThat(count).isEqualTo(3);
        for (String sentence : ran.outcome().summary()) {
            assertThat(html).contains(sentence.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;"));
        }
        assertThat(ran.printed()).contains("report:", "2 runs");
    }
}
