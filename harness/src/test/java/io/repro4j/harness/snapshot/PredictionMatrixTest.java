package io.repro4j.harness.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.Mode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.RunRecorder;
import io.repro4j.harness.fingerprint.PredictionFingerprint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prediction matrices ({@code Booster.predict}'s {@code float[][]}) in the snapshot: which digests, which file. */
class PredictionMatrixTest {

    private static RunRecorder recorder(Path root, String runName) {
        return RunRecorder.builder().resultsRoot(root).runName(runName).target("y_dir_10m").trainSeed(42)
                .mode(Mode.STRICT).build();
    }

    private static JsonNode snapshotOf(RunRecorder run) {
        return Snapshot.read(run.write()).json();
    }

    @Test
    void aMulticlassMatrixHasAnExactDigestOverItsShapeAndNoReferenceFingerprint(@TempDir Path root) {
        RunRecorder run = recorder(root, "multi");
        run.recordPredictions(new float[][] {{0.1f, 0.7f, 0.2f}, {0.6f, 0.3f, 0.1f}});
        JsonNode json = snapshotOf(run);

        assertThat(json.get("predictions_sha256").isNull()).as("the reference defines no multiclass fingerprint")
                .isTrue();
        assertThat(json.get("predictions_f64_sha256").asText()).isEqualTo(PredictionFingerprint.float64Sha256(
                new double[] {0.1f, 0.7f, 0.2f, 0.6f, 0.3f, 0.1f}, 2, 3));
    }

    @Test
    void theExactDigestCoversTheShapeNotOnlyTheValues(@TempDir Path root) {
        RunRecorder wide = recorder(root, "wide");
        wide.recordPredictions(new double[][] {{1, 2, 3}, {4, 5, 6}});
        RunRecorder tall = recorder(root, "tall");
        tall.recordPredictions(new double[][] {{1, 2}, {3, 4}, {5, 6}});

        assertThat(snapshotOf(wide).get("predictions_f64_sha256").asText())
                .isNotEqualTo(snapshotOf(tall).get("predictions_f64_sha256").asText());
    }

    @Test
    void oneColumnGetsTheReferenceRegressionFingerprintOfThatColumn(@TempDir Path root) {
        RunRecorder matrix = recorder(root, "column");
        matrix.recordPredictions(new float[][] {{0.25f}, {-1.5f}, {3f}});
        RunRecorder vector = recorder(root, "vector");
        vector.recordPredictions(new double[] {0.25, -1.5, 3});

        JsonNode column = snapshotOf(matrix);
        assertThat(column.get("predictions_sha256").asText())
                .isEqualTo(snapshotOf(vector).get("predictions_sha256").asText());
        assertThat(column.get("predictions_f64_sha256").asText())
                .isEqualTo(PredictionFingerprint.float64Sha256(new double[] {0.25, -1.5, 3}, 3, 1));
    }

    @Test
    void floatPredictionsWidenExactlyToTheirDoubleValues(@TempDir Path root) {
        float[][] f = {{0.1f, 1e-8f}, {Float.MIN_VALUE, -0f}};
        RunRecorder floats = recorder(root, "floats");
        floats.recordPredictions(f);
        RunRecorder doubles = recorder(root, "doubles");
        doubles.recordPredictions(new double[][] {{f[0][0], f[0][1]}, {f[1][0], f[1][1]}});

        assertThat(snapshotOf(floats).get("predictions_f64_sha256").asText())
                .isEqualTo(snapshotOf(doubles).get("predictions_f64_sha256").asText());
    }

    @Test
    void predictionsJsonHoldsTheShapeAndTheValuesRowByRow(@TempDir Path root) {
        RunRecorder run = recorder(root, "file");
        run.recordPredictions(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Snapshot snapshot = Snapshot.read(run.write());

        assertThat(snapshot.predictions()).hasValue(new double[] {1, 2, 3, 4, 5, 6});
        JsonNode file = io.repro4j.harness.results.Json.readTree(snapshot.directory().resolve("predictions.json"), "predictions");
        assertThat(file.get("shape").toString()).isEqualTo("[3,2]");
        assertThat(file.get("row_ids").size()).isEqualTo(3);
    }

    @Test
    void aRaggedMatrixIsRefusedNamingTheRow() {
        RunRecorder run = recorder(Path.of("unused"), "ragged");
        assertThatThrownBy(() -> run.recordPredictions(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("row 1 has 1 values, row 0 has 2");
    }

    @Test
    void rowIdsCountRowsNotValues() {
        assertThatThrownBy(() -> new SnapshotWriter(new SnapshotWriter.Settings(Path.of("unused"), "ids", "e", "t",
                io.repro4j.harness.View.CROSS_SECTIONAL, null, "TRAINING", 1L, null, Mode.STRICT), List::of)
                .recordPredictions(new double[][] {{1, 2}, {3, 4}}, List.of("a", "b", "c", "d")))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("2 prediction rows but 4 row ids");
    }
}
