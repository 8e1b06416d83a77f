package io.repro4j.harness.snapshot;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.testkit.ReferenceTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffPrevTest {

    @Test
    void firstRunHasNoPreviousComparableRun(@TempDir Path root) throws IOException {
        Path cohort = ReferenceTrees.copyInto(root, "r1");
        Map<String, Object> diff = DiffPrev.write(root, cohort);
        assertThat(diff).containsEntry("comparable", false)
                .containsEntry("comparability_reason", "no previous comparable run")
                .containsEntry("severity", "none");
        JsonNode written = Json.MAPPER.readTree(cohort.resolve("diff_prev.json").toFile());
        assertThat(written.get("comparable").asBoolean()).isFalse();
    }

    @Test
    void identicalSecondRunIsComparableWithSeverityNone(@TempDir Path root) throws IOException {
        ReferenceTrees.copyInto(root, "r1");
        Path second = ReferenceTrees.copyInto(root, "r2");
        ReferenceTrees.mutate(second, json -> json.put("timestamp", "2026-01-15T11:00:00").put("run_id", "second"));
        Map<String, Object> diff = DiffPrev.write(root, second);
        assertThat(diff).containsEntry("comparable", true)
                .containsEntry("prev_run_id", "rid_unstable_intelligent_output_20260115_100000_aaaaaaaa")
                .containsEntry("severity", "none")
                .containsEntry("changed_keys", List.of());
    }

    @Test
    void changedOutputWithSameInputsIsCritical(@TempDir Path root) throws IOException {
        ReferenceTrees.copyInto(root, "r1");
        Path second = ReferenceTrees.copyInto(root, "r2");
        ReferenceTrees.mutate(second, json -> json.put("timestamp", "2026-01-15T11:00:00")
                .put("metrics_sha256", "feed"));
        Json.write(second.resolve("metrics.json"), Map.of("primary_metric", Map.of("mean", 0.5)));
        Map<String, Object> diff = DiffPrev.compute(root, Snapshot.read(second));
        assertThat(diff.get("changed_keys")).isEqualTo(List.of("metrics_sha256"));
        assertThat(diff).containsEntry("severity", "critical");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> deltas = (Map<String, Map<String, Object>>) diff.get("metric_deltas");
        assertThat(deltas.get("primary_metric.mean")).containsEntry("prev", 0.0213456789).containsEntry("curr", 0.5)
                .containsKey("ulps");
    }

    @Test
    void changedInputIsMajor(@TempDir Path root) throws IOException {
        ReferenceTrees.copyInto(root, "r1");
        Path second = ReferenceTrees.copyInto(root, "r2");
        ReferenceTrees.mutate(second, json -> {
            json.put("timestamp", "2026-01-15T11:00:00");
            json.withObject("comparison_group").put("hyperparameters_signature", "other");
        });
        Map<String, Object> diff = DiffPrev.compute(root, Snapshot.read(second));
        assertThat(diff).containsEntry("severity", "major");
        assertThat((String) diff.get("severity_reason")).contains("comparison_group.hyperparameters_signature");
    }

    @Test
    void corruptedPreviousSnapshotIsSkippedAndRecorded(@TempDir Path root) throws IOException {
        Path first = ReferenceTrees.copyInto(root, "r1");
        Path broken = ReferenceTrees.copyInto(root, "r0");
        Files.writeString(broken.resolve("snapshot.json"), "{\"run_id\": \"trunc");
        Path third = ReferenceTrees.copyInto(root, "r2");
        ReferenceTrees.mutate(third, json -> json.put("timestamp", "2026-01-15T11:00:00"));
        Map<String, Object> diff = DiffPrev.write(root, third);
        assertThat(diff).containsEntry("comparable", true)
                .containsEntry("prev_snapshot", first.resolve("snapshot.json").toString());
        assertThat(diff.get("skipped_snapshots").toString())
                .contains(broken.resolve("snapshot.json").toString()).contains("invalid JSON");
    }

    @Test
    void laterRunsAreNotPrevious(@TempDir Path root) throws IOException {
        Path first = ReferenceTrees.copyInto(root, "r1");
        Path later = ReferenceTrees.copyInto(root, "r2");
        ReferenceTrees.mutate(later, json -> json.put("timestamp", "2027-01-01T00:00:00"));
        assertThat(DiffPrev.compute(root, Snapshot.read(first))).containsEntry("comparable", false);
    }
}
