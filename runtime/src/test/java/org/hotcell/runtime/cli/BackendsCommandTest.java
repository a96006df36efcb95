package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackendsCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void listsSimdAboveReferenceAndMarksItInUse() {
        assertThat(Main.run("backends")).isZero();
        String text = console.out();
        assertThat(text).containsPattern("\\*\\s+simd\\s+100");
        assertThat(text).containsPattern("\\n\\s+reference\\s+0");
        assertThat(text.indexOf("simd")).isLessThan(text.indexOf("reference"));
        assertThat(text).contains("Vector API").endsWith("in use: simd" + System.lineSeparator());
    }
}
