package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class BackendsCommandTest {

    @Test
    void listsSimdAboveReferenceAndMarksItInUse() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new HotcellCommand());
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("backends")).isZero();
        String text = out.toString();
        assertThat(text).containsPattern("\\*\\s+simd\\s+100");
        assertThat(text).containsPattern("\\n\\s+reference\\s+0");
        assertThat(text.indexOf("simd")).isLessThan(text.indexOf("reference"));
        assertThat(text).contains("Vector API").endsWith("in use: simd" + System.lineSeparator());
    }
}
