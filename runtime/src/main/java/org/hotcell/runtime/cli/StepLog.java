package org.hotcell.runtime.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.hotcell.model.train.StepReport;

/**
 * Writes each training step's diagnostics as a CSV row: {@code step,loss,grad_norm,<one column per layer
 * norm>,max_abs_h,max_abs_c}. The header is written with the first row, when the layer names are known.
 */
final class StepLog implements AutoCloseable {
    private final BufferedWriter out;
    private boolean header;

    StepLog(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void write(StepReport report) {
        try {
            if (!header) {
                StringBuilder names = new StringBuilder("step,loss,grad_norm");
                for (String layer : report.layerNorms().keySet()) {
                    names.append(",grad_norm_").append(layer.replace('.', '_'));
                }
                out.write(names.append(",max_abs_h,max_abs_c\n").toString());
                header = true;
            }
            StringBuilder row = new StringBuilder().append(report.step()).append(',')
                    .append(number(report.loss())).append(',').append(number(report.gradientNorm()));
            for (Map.Entry<String, Double> norm : report.layerNorms().entrySet()) {
                row.append(',').append(number(norm.getValue()));
            }
            row.append(',').append(number(report.maxAbsH())).append(',').append(number(report.maxAbsC())).append('\n');
            out.write(row.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the step log", e);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
