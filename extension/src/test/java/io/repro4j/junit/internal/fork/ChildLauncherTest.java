package io.repro4j.junit.internal.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildLauncherTest {

    @Test
    void quotesCommandLineArgumentsForTheShell() {
        assertThat(ChildLauncher.shellQuote("-Xmx512m")).isEqualTo("-Xmx512m");
        assertThat(ChildLauncher.shellQuote("")).isEqualTo("''");
        assertThat(ChildLauncher.shellQuote("it's here")).isEqualTo("'it'\\''s here'");
    }
}
