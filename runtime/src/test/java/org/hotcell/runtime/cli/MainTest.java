package org.hotcell.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MainTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void versionNamesTheReleaseTheJavaAndTheVectorApi() {
        assertThat(Main.run("--version")).isZero();
        assertThat(console.out())
                .containsPattern("hotcell \\d+\\.\\d+\\.\\d+")
                .contains("Java " + Runtime.version())
                .contains("Vector API: present");
    }

    @Test
    void helpListsTheUsageAndExitsZero() {
        assertThat(Main.run("--help")).isZero();
        assertThat(console.out()).contains("Usage: hotcell").contains("--version");
    }

    @Test
    void theLauncherQuietsJettysInfoLinesUnlessTheJvmWasGivenALevel() {
        String given = System.getProperty(Main.JETTY_LOG_LEVEL);
        try {
            System.clearProperty(Main.JETTY_LOG_LEVEL);
            Main.quietJetty();
            assertThat(System.getProperty(Main.JETTY_LOG_LEVEL)).isEqualTo("warn");
            System.setProperty(Main.JETTY_LOG_LEVEL, "debug");
            Main.quietJetty();
            assertThat(System.getProperty(Main.JETTY_LOG_LEVEL)).isEqualTo("debug");
        } finally {
            if (given == null) {
                System.clearProperty(Main.JETTY_LOG_LEVEL);
            } else {
                System.setProperty(Main.JETTY_LOG_LEVEL, given);
            }
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        assertThat(Main.run("--frobnicate")).isEqualTo(2);
        assertThat(console.err()).contains("Unknown option: '--frobnicate'");
    }
}
