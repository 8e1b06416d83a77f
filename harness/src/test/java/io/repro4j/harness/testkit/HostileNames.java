package io.repro4j.harness.testkit;

import java.util.stream.Stream;

/** Names a user might pass as a target, symbol, run or experiment name that must never reach the file system as is. */
public final class HostileNames {

    private HostileNames() {
    }

    /** Path traversal, separators, control characters, non-ASCII, empty, and a 10,000-character name. */
    public static Stream<String> all() {
        return Stream.of("../../etc", "..", ".", "a/b", "a\\b", "", "nul\0byte", "x".repeat(10_000), "ÄÖÜ",
                "tab\tname", "/abs", "sp ace", "emoji\uD83D\uDE00", "new\nline", "../outside", "a/../../b");
    }
}
