package io.repro4j.harness.compare;

import io.repro4j.harness.results.Json;
import io.repro4j.harness.testkit.ReferenceTrees;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.results.AtomicFiles;
import io.repro4j.harness.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintComparisonTest {

    @Test
    void identicalSnapshotsHaveNoDifferences(@TempDir Path a, @TempDir Path b) throws IOException {
        Comparison c = FingerprintComparison.compare(Snapshot.read(ReferenceTrees.copyInto(a)),
                Snapshot.read(ReferenceTrees.copyInto(b)));
        assertThat(c.identical()).isTrue();
        assertThat(c.identicalFields()).contains("comparison_group.dataset_signature", "metrics_sha256");
        assertThat(c.environmentChanges()).isEmpty();
    }

    @Test
    void metricsDigestChangeListsTheMetricKeysWithUlps(@TempDir Path a, @TempDir Path b) throws IOException {
        Path ca = ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.mutate(cb, json -> json.put("metrics_sha256", "0".repeat(64)));
        Json.write(cb.resolve("metrics.json"), Map.of("primary_metric",
                Map.of("mean", Math.nextUp(0.0213456789), "name", "spearman_ic")));
        Json.write(ca.resolve("metrics.json"), Map.of("primary_metric",
                Map.of("mean", 0.0213456789, "name", "spearman_ic")));
        Comparison c = FingerprintComparison.compare(Snapshot.read(ca), Snapshot.read(cb));
        assertThat(c.differences()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("metrics_sha256");
            assertThat(d.detail()).contains("primary_metric.mean: 0.0213456789 → " + Math.nextUp(0.0213456789) + " (1 ulp)");
        });
    }

    @Test
    void predictionDigestChangeNamesTheFirstDifferingIndex(@TempDir Path a, @TempDir Path b) throws IOException {
        Path ca = ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.mutate(ca, json -> json.put("predictions_f64_sha256", "a"));
        ReferenceTrees.mutate(cb, json -> json.put("predictions_f64_sha256", "b"));
        Json.write(ca.resolve("predictions.json"), Map.of("values", new double[] {1.0, 0.5, 0.25, 2.0}));
        Json.write(cb.resolve("predictions.json"),
                Map.of("values", new double[] {1.0, Math.nextUp(0.5), 0.25, 3.0}));
        FieldDifference d = FingerprintComparison.compare(Snapshot.read(ca), Snapshot.read(cb)).differences().get(0);
        assertThat(d.field()).isEqualTo("predictions_f64_sha256");
        assertThat(d.detail()).contains("first difference at index 1: 0.5 → 0.5000000000000001 (1 ulp)")
                .contains("2 of 4 predictions differ");
    }

    @Test
    void environmentChangesAreDriftLines(@TempDir Path a, @TempDir Path b) throws IOException {
        Path ca = ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.mutate(ca, json -> env(json, "17.0.15", "3.4.0"));
        ReferenceTrees.mutate(cb, json -> env(json, "21.0.1", "3.5.0"));
        Comparison c = FingerprintComparison.compare(Snapshot.read(ca), Snapshot.read(cb));
        assertThat(c.identical()).isTrue();
        assertThat(c.environmentChanges()).containsExactly("jdk_version 17.0.15 → 21.0.1", "xgboost4j 3.4.0 → 3.5.0");
    }

    private static void env(ObjectNode json, String jdk, String xgboost) {
        ObjectNode env = json.putObject("environment");
        env.put("jdk_version", jdk);
        env.putObject("library_versions").put("xgboost4j", xgboost);
    }
}
