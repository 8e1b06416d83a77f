package io.repro4j.harness.snapshot;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Repro4jException;
import java.io.IOException;
import io.repro4j.harness.testkit.ReferenceTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @TempDir
    Path tmp;

    private Path referenceRun() throws IOException {
        return ReferenceTrees.referenceRun(tmp);
    }

    @Test
    void readsTheReferenceSnapshot() throws IOException {
        Snapshot s = Snapshot.read(referenceRun());
        assertThat(s.get("comparison_group.dataset_signature"))
                .isEqualTo("6ada6e1e9641c92cadbf7dcb115f13c60193616d95f0abcbcc819dac0fd03d3f");
        assertThat(s.get("comparison_group.train_seed")).isEqualTo("42");
        assertThat(s.get("symbol")).isNull();
        assertThat(s.get("no.such.field")).isNull();
        assertThat(s.metrics()).containsEntry("stage", "TARGET_RANKING");
        assertThat(s.predictions()).isEmpty();
        assertThat(s.environment().path("python_version").asText()).isEqualTo("3.11.7");
    }

    @Test
    void fingerprintsAreInVerdictOrderWithReferenceExtras() throws IOException {
        Map<String, String> f = Snapshot.read(referenceRun().resolve("snapshot.json")).fingerprints();
        assertThat(f.keySet()).startsWith("comparison_group.experiment_id", "comparison_group.dataset_signature",
                "comparison_group.task_signature");
        assertThat(f.keySet()).endsWith("metrics_sha256", "predictions_sha256", "predictions_f64_sha256",
                "model_sha256");
        assertThat(f).containsEntry("comparison_group.universe_sig", "248c5d370bcc")
                .containsEntry("metrics_sha256", "46614c362abbadeceb37bb13501ae10872adf512ba37b675429fd17f93c329e3")
                .containsEntry("model_sha256", null);
    }

    @Test
    void truncatedSnapshotNamesTheFileAndThePosition(@TempDir Path dir) throws IOException {
        String text = Files.readString(referenceRun().resolve("snapshot.json"));
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> Snapshot.read(dir))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("invalid JSON at line");
    }

    @Test
    void trailingContentAfterTheObjectIsCorruption(@TempDir Path dir) throws IOException {
        // e.g. two writers appended to the same file, or a truncated rewrite over a longer file
        String text = Files.readString(referenceRun().resolve("snapshot.json"));
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, text + text.substring(0, 40));
        assertThatThrownBy(() -> Snapshot.read(dir))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("invalid JSON at line");
    }

    @Test
    void missingKeyIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, "{\"run_id\": \"r\", \"timestamp\": \"t\", \"target\": \"x\", \"view\": \"V\"}");
        assertThatThrownBy(() -> Snapshot.read(file))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("missing key 'comparison_group'");
    }

    @Test
    void emptyAndMissingFilesAreNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Snapshot.read(dir)).hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("snapshot.json"), "");
        assertThatThrownBy(() -> Snapshot.read(dir)).hasMessageContaining("empty");
    }

    @Test
    void predictionsParseBackExactly(@TempDir Path dir) throws IOException {
        Files.copy(referenceRun().resolve("snapshot.json"), dir.resolve("snapshot.json"));
        double[] values = {0.1, -0.0, 1.0 / 3, Double.NaN};
        Json.write(dir.resolve("predictions.json"), Map.of("row_ids", new String[] {"0", "1", "2", "3"},
                "values", values));
        double[] read = Snapshot.read(dir).predictions().orElseThrow();
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(read[i])).isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }
}
