package io.repro4j.junit.internal.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayScriptTest {

    @Test
    void quotesCommandLineArgumentsForTheShell() {
        assertThat(ReplayScript.shellQuote("-Xmx512m")).isEqualTo("-Xmx512m");
        assertThat(ReplayScript.shellQuote("")).isEqualTo("''");
        assertThat(ReplayScript.shellQuote("it's here")).isEqualTo("'it'\\''s here'");
    }
}
