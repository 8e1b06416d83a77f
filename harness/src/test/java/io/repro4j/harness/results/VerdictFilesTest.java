package io.repro4j.harness.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictFilesTest {

    @TempDir
    Path root;

    private void verdict(String key, String build, String finishedAt, String kind) {
        Json.write(ResultsLayout.of(root).verdictFile(key),
                Map.of("test_key", key, "build_id", build, "finished_at", finishedAt, "verdict", kind));
    }

    @Test
    void theLastBuildIsTheOneOfTheNewestVerdictAndEarlierOnesAreStale() throws Exception {
        verdict("old", "maven-1-100", "2026-12-01T10:00:00Z", "DIFFERS");
        verdict("also-old", "maven-1-100", "2026-12-01T10:00:01Z", "ERROR");
        verdict("new", "maven-2-200", "2026-12-01T11:00:00Z", "REPRODUCIBLE");
        Files.writeString(ResultsLayout.of(root).verdicts().resolve("broken.json"), "{\"verdict\": ");

        VerdictFiles.Selection s = VerdictFiles.read(ResultsLayout.of(root));

        assertThat(s.buildId()).isEqualTo("maven-2-200");
        assertThat(s.current()).extracting(e -> e.json().path("test_key").asText()).containsExactly("new");
        assertThat(s.stale()).extracting(e -> e.json().path("test_key").asText()).containsExactly("also-old", "old");
        assertThat(s.unreadable()).extracting(u -> u.file().getFileName().toString()).containsExactly("broken.json");
    }

    @Test
    void anEmptyRootHasNothing() {
        assertThat(VerdictFiles.read(ResultsLayout.of(root)).isEmpty()).isTrue();
    }

    @Test
    void theBuildIsTheMavenProcessOrThisJvmUnlessNamed() {
        String found = BuildId.resolve(key -> Optional.empty());

        assertThat(found).matches("(maven|jvm)-\\d+-\\d+").isEqualTo(BuildId.resolve(key -> Optional.empty()));
        assertThat(BuildId.resolve(key -> key.equals(BuildId.PROPERTY) ? Optional.of(" ci-77 ") : Optional.empty()))
                .isEqualTo("ci-77");
    }
}
