package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.AtomicFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.junit.internal.baseline.OrphanBaseline;
import io.repro4j.harness.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportTest {

    @TempDir
    Path root;

    @Test
    void summarisesEveryVerdictWithItsBaselineAndOrphans() throws IOException {
        VerdictFixtures.write(root, "a-key", "REPRODUCIBLE", "trains()");
        VerdictFixtures.write(root, "b-key", "DIFFERS", "<script>alert('x')</script> & \"quoted\"");
        Files.writeString(root.resolve("verdicts/.b-key.json.123.tmp"), "{\"half");
        AtomicFiles.writeString(root.resolve("baselines/a-key.json"), Json.render(
                Json.MAPPER.createObjectNode().put("status", "DIFFERS").put("failed", true)
                        .put("verdict_finished_at", "2026-01-01T00:00:00Z")
                        .put("message", "model_sha256: baseline aa, actual bb")));

        Path index = TestReport.generate(ResultsLayout.of(root),
                List.of(new OrphanBaseline(Path.of("gone.json"), "id", "class x not found")));

        JsonNode report = Json.MAPPER.readTree(root.resolve("report/report.json").toFile());
        assertThat(report.path("summary").path("tests").asInt()).isEqualTo(2);
        assertThat(report.path("summary").path("differs").asInt()).isEqualTo(1);
        assertThat(report.path("summary").path("baseline_failures").asInt()).isEqualTo(1);
        assertThat(report.path("tests").get(0).path("baseline").path("status").asText()).isEqualTo("DIFFERS");
        assertThat(report.path("orphan_baselines").get(0).path("file").asText()).isEqualTo("gone.json");
        assertThat(report.path("unreadable_files")).isEmpty();

        String html = Files.readString(index);
        assertThat(html).contains("<table id=\"verdicts\">")
                .contains("data-verdict=\"REPRODUCIBLE\" data-test-key=\"a-key\"")
                .contains("data-verdict=\"DIFFERS\" data-test-key=\"b-key\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .contains("class x not found")
                .contains("<td class=\"message\">model_sha256: baseline aa, actual bb</td>")
                .doesNotContain(">null<");
    }

    @Test
    void ignoresABaselineRecordLeftByAnEarlierVerdict() throws IOException {
        VerdictFixtures.write(root, "a-key", "DIFFERS", "trains");
        AtomicFiles.writeString(root.resolve("baselines/a-key.json"), Json.render(
                Json.MAPPER.createObjectNode().put("status", "MATCHED").put("failed", false)
                        .put("verdict_finished_at", "2025-12-31T00:00:00Z")));

        TestReport.generate(ResultsLayout.of(root), List.of());

        JsonNode report = Json.MAPPER.readTree(root.resolve("report/report.json").toFile());
        assertThat(report.path("tests").get(0).path("baseline").isNull()).isTrue();
    }

    @Test
    void countsOnlyTheLastBuildAndListsEarlierVerdictsAsStale() throws IOException {
        VerdictFixtures.write(root, "old-a", "DIFFERS", "old", "maven-1-1", "2026-12-01T09:00:00Z");
        VerdictFixtures.write(root, "old-b", "ERROR", "old", "maven-1-1", "2026-12-01T09:00:01Z");
        VerdictFixtures.write(root, "new", "REPRODUCIBLE", "new", "maven-2-2", "2026-12-01T10:00:00Z");

        Path index = TestReport.generate(ResultsLayout.of(root), List.of());

        JsonNode report = Json.MAPPER.readTree(root.resolve("report/report.json").toFile());
        assertThat(report.path("build_id").asText()).isEqualTo("maven-2-2");
        assertThat(report.path("summary").path("tests").asInt()).isEqualTo(1);
        assertThat(report.path("summary").path("differs").asInt()).isZero();
        assertThat(report.path("summary").path("error").asInt()).isZero();
        assertThat(report.path("summary").path("stale").asInt()).isEqualTo(2);
        assertThat(report.path("stale_verdicts")).extracting(n -> n.path("test_key").asText())
                .containsExactly("old-a", "old-b");
        assertThat(Files.readString(index)).contains("id=\"stale-verdicts\"")
                .doesNotContain("data-test-key=\"old-a\"");
    }

    @Test
    void noVerdictsMeansNoReport() {
        assertThat(TestReport.hasVerdicts(ResultsLayout.of(root))).isFalse();
    }
}
