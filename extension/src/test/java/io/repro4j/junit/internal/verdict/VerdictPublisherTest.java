package io.repro4j.junit.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a verdict publishes: the keys CI dashboards read, on the test's own output, one line each. */
class VerdictPublisherTest {

    private static Verdict verdict(List<Verdict.RunReport> runs, Map<String, String> fingerprints) {
        return new Verdict("id", "a.X", "x", "x()", "X.x-1", Verdict.Kind.REPRODUCIBLE, null, runs, fingerprints,
                List.of(), Map.of(), "t", "b", List.of());
    }

    @Test
    void entriesNameTheVerdictRunsSeedSnapshotAndEveryFingerprintThatHasAValue() {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        fingerprints.put("model_sha256", "m");
        fingerprints.put("predictions_sha256", null);
        List<Verdict.RunReport> runs = List.of(
                new Verdict.RunReport(1, "SUCCESSFUL", 0, 42, "/r/run-1", Map.of(), 10, 5, "/w/run-1/stderr.log"),
                new Verdict.RunReport(2, "SUCCESSFUL", 0, 42, "/r/run-2", Map.of(), 10, 5, "/w/run-2/stderr.log"));

        assertThat(VerdictPublisher.entries(verdict(runs, fingerprints))).containsExactly(
                Map.entry("repro4j.verdict", "REPRODUCIBLE"), Map.entry("repro4j.runs", "2"),
                Map.entry("repro4j.seed", "42"), Map.entry("repro4j.snapshot", "/r/run-1"),
                Map.entry("repro4j.model_sha256", "m"));
    }

    @Test
    void aVerdictWithoutRunsOrSnapshotPublishesWhatItHas() {
        assertThat(VerdictPublisher.entries(verdict(List.of(), Map.of())))
                .containsExactly(Map.entry("repro4j.verdict", "REPRODUCIBLE"), Map.entry("repro4j.runs", "0"));
        List<Verdict.RunReport> noSnapshot = List.of(
                new Verdict.RunReport(1, "CRASHED", 137, 42, null, Map.of(), 10, -1, "/w/stderr.log"));
        assertThat(VerdictPublisher.entries(verdict(noSnapshot, Map.of()))).containsKey("repro4j.seed")
                .doesNotContainKey("repro4j.snapshot");
    }

    @Test
    void linesArePrefixedAndKeepEachValueOnOneLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("repro4j.verdict", "DIFFERS");
        entries.put("repro4j.message", "first\nsecond");

        VerdictPublisher.print(entries, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[repro4j] repro4j.verdict=DIFFERS"
                + System.lineSeparator() + "[repro4j] repro4j.message=first second" + System.lineSeparator());
    }
}
