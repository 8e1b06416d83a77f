package io.repro4j.junit.internal.verdict;

import java.util.Map;

/** Describes a child's exit code, naming the POSIX signal behind an exit code above 128. */
final class ExitCodes {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"), Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"),
            Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"));

    private ExitCodes() {
    }

    /** {@code exit code 1}, or {@code exit code 139 (SIGSEGV)} for a process ended by a signal. */
    static String describe(int exitCode) {
        if (exitCode > 128 && exitCode < 128 + 65) {
            int signal = exitCode - 128;
            return "exit code " + exitCode + " (" + NAMES.getOrDefault(signal, "signal " + signal) + ")";
        }
        return "exit code " + exitCode;
    }
}
