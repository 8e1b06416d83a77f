package io.repro4j.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForkDetailsTest {

    @Test
    void namesTheSignalBehindAnExitCode() {
        assertThat(Signals.describeExit(1)).isEqualTo("exit code 1");
        assertThat(Signals.describeExit(137)).isEqualTo("exit code 137 (SIGKILL)");
        assertThat(Signals.describeExit(139)).isEqualTo("exit code 139 (SIGSEGV)");
    }

    @Test
    void testKeysAreReadablePathSafeAndUniquePerInvocation() {
        String a = TestKey.of(ForkDetailsTest.class, "trains", "[engine:junit-jupiter]/[method:trains()]#1");
        String b = TestKey.of(ForkDetailsTest.class, "trains", "[engine:junit-jupiter]/[method:trains()]#2");
        assertThat(a).startsWith("ForkDetailsTest.trains-").matches("[A-Za-z0-9._=-]{1,128}");
        assertThat(a).isNotEqualTo(b);
        assertThat(TestKey.of(ForkDetailsTest.class, "wéird name", "x")).matches("ForkDetailsTest.w_ird_name-[0-9a-f]{8}");
    }

    @Test
    void quotesCommandLineArgumentsForTheShell() {
        assertThat(ChildLauncher.shellQuote("-Xmx512m")).isEqualTo("-Xmx512m");
        assertThat(ChildLauncher.shellQuote("")).isEqualTo("''");
        assertThat(ChildLauncher.shellQuote("it's here")).isEqualTo("'it'\\''s here'");
    }
}
