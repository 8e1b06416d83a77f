package io.repro4j.harness.snapshot;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.Dataset;
import io.repro4j.harness.Mode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.RunRecorder;
import io.repro4j.harness.View;
import io.repro4j.harness.fingerprint.Signatures;
import io.repro4j.harness.results.SafeNames;
import io.repro4j.harness.testkit.HostileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunRecorderTest {

    private static final Dataset DATA = Dataset.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {0.1, 0.2, 0.3},
            List.of("ret_1m", "rsi_14"));

    private static RunRecorder.Builder builder(Path root, String runName) {
        return RunRecorder.builder().resultsRoot(root).runName(runName).target("fwd_ret_10m").trainSeed(42)
                .mode(Mode.STRICT).taskSpec(Map.of("horizon_minutes", 10));
    }

    private static Path record(RunRecorder run) {
        run.recordDataset("synthetic/interval=5m", List.of("MSFT", "AAPL"), 2000, DATA);
        run.recordMetrics(Map.of("rmse", 0.125, "n", 3));
        run.recordPredictions(new double[] {0.1, 0.2, -0.0});
        return run.write();
    }

    @Test
    void writesTheDocumentedLayoutAndKeys(@TempDir Path root) throws IOException {
        Path cohort = record(builder(root, "r1").build());
        Path reproducibility = root.resolve("runs/r1/targets/fwd_ret_10m/reproducibility/CROSS_SECTIONAL");
        assertThat(cohort.getParent()).isEqualTo(reproducibility.toAbsolutePath().normalize());
        assertThat(cohort.getFileName().toString()).matches("cohort=cs_[0-9a-f]{12}");
        for (String f : List.of("snapshot.json", "metrics.json", "metadata.json", "diff_prev.json",
                "predictions.json")) {
            assertThat(cohort.resolve(f)).isRegularFile();
            assertThat(Files.readString(cohort.resolve(f))).endsWith("}\n");
        }
        JsonNode json = Snapshot.read(cohort).json();
        assertThat(fieldNames(json)).containsAll(List.of("run_id", "timestamp", "stage", "view", "target", "symbol",
                "mode", "experiment_id", "fingerprint_schema_version", "repro4j_version", "comparison_group",
                "metrics_sha256", "predictions_sha256", "predictions_f64_sha256", "model_sha256", "models",
                "environment", "estimator_ledger", "run_context"));
        assertThat(fieldNames(json.get("comparison_group"))).containsExactlyInAnyOrder("experiment_id",
                "dataset_signature", "task_signature", "routing_signature", "feature_signature",
                "hyperparameters_signature", "train_seed", "model_family", "library_versions_signature",
                "data_sha256");
        JsonNode group = json.get("comparison_group");
        assertThat(group.get("dataset_signature").asText())
                .isEqualTo(Signatures.dataset("synthetic/interval=5m", List.of("MSFT", "AAPL"), 2000));
        assertThat(group.get("task_signature").asText())
                .isEqualTo(Signatures.task(Map.of("horizon_minutes", 10, "target", "fwd_ret_10m")));
        assertThat(group.get("routing_signature").asText()).isEqualTo(Signatures.routing("CROSS_SECTIONAL", null));
        assertThat(group.get("feature_signature").asText()).isEqualTo(Signatures.featureNames(DATA.featureNames()));
        assertThat(group.get("data_sha256").asText()).isEqualTo(DATA.sha256());
        assertThat(group.get("train_seed").asLong()).isEqualTo(42);
        assertThat(group.get("library_versions_signature").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("stage").asText()).isEqualTo("TRAINING");
        assertThat(json.get("experiment_id").asText()).isEqualTo("determinism_test");
        assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(json.get("predictions_f64_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("environment").get("thread_variables").has("OMP_NUM_THREADS")).isTrue();
        JsonNode metadata = Json.MAPPER.readTree(cohort.resolve("metadata.json").toFile());
        assertThat(metadata.get("cohort_id").asText()).isEqualTo(cohort.getFileName().toString().substring(7));
        assertThat(metadata.get("run_name").asText()).isEqualTo("r1");
        double[] read = Snapshot.read(cohort).predictions().orElseThrow();
        assertThat(Double.doubleToRawLongBits(read[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        JsonNode diff = Json.MAPPER.readTree(cohort.resolve("diff_prev.json").toFile());
        assertThat(diff.get("comparable").asBoolean()).isFalse();
        assertThat(diff.get("comparability_reason").asText()).isEqualTo("no previous comparable run");
    }

    @Test
    void withoutThePreviousRunDiffTheCallerWritesTheSameOneLater(@TempDir Path root) throws IOException {
        record(builder(root, "r1").build());
        RunRecorder second = builder(root, "r2").build();
        second.recordDataset("synthetic/interval=5m", List.of("MSFT", "AAPL"), 2000, DATA);
        second.recordMetrics(Map.of("rmse", 0.25, "n", 3));
        Path cohort = second.writeWithoutPreviousRunDiff();

        assertThat(cohort.resolve("snapshot.json")).isRegularFile();
        assertThat(cohort.resolve("diff_prev.json")).doesNotExist();
        DiffPrev.write(root.toAbsolutePath(), cohort);
        JsonNode diff = Json.MAPPER.readTree(cohort.resolve("diff_prev.json").toFile());
        assertThat(diff.get("prev_snapshot").asText()).contains("r1");
        assertThat(diff.get("changed_keys").toString()).contains("metrics_sha256");
    }

    @Test
    void secondRunComparesWithTheFirst(@TempDir Path root) throws IOException {
        record(builder(root, "r1").build());
        Path second = record(builder(root, "r2").build());
        JsonNode diff = Json.MAPPER.readTree(second.resolve("diff_prev.json").toFile());
        assertThat(diff.get("comparable").asBoolean()).isTrue();
        assertThat(diff.get("severity").asText()).isEqualTo("none");
        assertThat(diff.get("changed_keys")).isEmpty();
    }

    @Test
    void symbolSpecificRunsLiveUnderTheirSymbol(@TempDir Path root) {
        Path cohort = record(builder(root, "r1").view(View.SYMBOL_SPECIFIC).symbol("AAPL").build());
        assertThat(cohort.getParent().getFileName().toString()).isEqualTo("symbol=AAPL");
        assertThat(cohort.getFileName().toString()).startsWith("cohort=sy_");
    }

    @Test
    void viewAndSymbolMustFit(@TempDir Path root) {
        assertThatThrownBy(() -> builder(root, "r1").view(View.SYMBOL_SPECIFIC).build())
                .isInstanceOf(Repro4jException.class).hasMessageContaining("needs a symbol");
        assertThatThrownBy(() -> builder(root, "r1").symbol("AAPL").build())
                .isInstanceOf(Repro4jException.class).hasMessageContaining("CROSS_SECTIONAL");
    }

    @Test
    void unsupportedMetricTypeNamesTheKey(@TempDir Path root) {
        RunRecorder run = builder(root, "r1").build();
        assertThatThrownBy(() -> run.recordMetrics(Map.of("scores", Map.of("when", new Object()))))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("scores.when");
    }

    @Test
    void defaultRunNameIsSafe(@TempDir Path root) {
        Path cohort = record(RunRecorder.builder().resultsRoot(root).target("t").build());
        String runName = root.toAbsolutePath().relativize(cohort).getName(1).toString();
        assertThat(runName).matches("run-\\d{8}T\\d{6}Z-\\d+");
    }

    static Stream<String> hostile() {
        return HostileNames.all();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileNamesWriteNothingAnywhere(String hostile, @TempDir Path parent) throws IOException {
        Path root = Files.createDirectory(parent.resolve("results"));
        List<Path> before = listing(parent);
        assertThatThrownBy(() -> record(builder(root, "r1").target(hostile).build()))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("target")
                .hasMessageContaining(SafeNames.display(hostile));
        assertThatThrownBy(() -> record(builder(root, hostile).build()))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("run name");
        assertThatThrownBy(() -> record(builder(root, "r1").view(View.SYMBOL_SPECIFIC).symbol(hostile).build()))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("symbol");
        assertThat(listing(parent)).isEqualTo(before);
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }
}
