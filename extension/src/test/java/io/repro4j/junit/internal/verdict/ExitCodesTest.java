package io.repro4j.junit.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void namesTheSignalBehindAnExitCode() {
        assertThat(ExitCodes.describe(1)).isEqualTo("exit code 1");
        assertThat(ExitCodes.describe(137)).isEqualTo("exit code 137 (SIGKILL)");
        assertThat(ExitCodes.describe(139)).isEqualTo("exit code 139 (SIGSEGV)");
    }
}
