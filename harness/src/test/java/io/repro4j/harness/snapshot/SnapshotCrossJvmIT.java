package io.repro4j.harness.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.compare.Comparison;
import io.repro4j.harness.compare.FieldDifference;
import io.repro4j.harness.compare.FingerprintComparison;
import io.repro4j.harness.compare.SnapshotTreeDiff;
import java.io.IOException;
import io.repro4j.harness.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real XGBoost and LightGBM training in separate JVMs writes identical fingerprints; a changed parameter shows. */
class SnapshotCrossJvmIT {

    @Test
    void separateJvmsWriteIdenticalFingerprintsAndAHyperparameterChangeIsNamed(@TempDir Path work)
            throws Exception {
        Path rootA = work.resolve("a");
        Path rootB = work.resolve("b");
        Path rootC = work.resolve("c");
        train(work, rootA, "first", 4);
        train(work, rootB, "second", 4);
        train(work, rootC, "third", 5);

        Snapshot a = only(rootA);
        Snapshot b = only(rootB);
        Snapshot c = only(rootC);
        assertThat(a.get("model_sha256")).matches("[0-9a-f]{64}");
        assertThat(a.get("predictions_f64_sha256")).matches("[0-9a-f]{64}");
        assertThat(a.get("comparison_group.model_family")).isEqualTo("ensemble");
        assertThat(a.json().get("models")).hasSize(2);
        assertThat(a.fingerprints()).isEqualTo(b.fingerprints());
        Comparison same = FingerprintComparison.compare(a, b);
        assertThat(same.identical()).as(same.differences().toString()).isTrue();
        assertThat(SnapshotTreeDiff.diff(rootA, rootB).differences()).isEmpty();

        Comparison changed = FingerprintComparison.compare(a, c);
        List<String> fields = changed.differences().stream().map(FieldDifference::field).toList();
        assertThat(fields).contains("comparison_group.hyperparameters_signature", "model_sha256");
        assertThat(changed.identicalFields()).contains("comparison_group.dataset_signature",
                "comparison_group.task_signature", "comparison_group.routing_signature",
                "comparison_group.feature_signature", "comparison_group.train_seed");
        try (Stream<Path> csv = Files.walk(rootA)) {
            assertThat(csv.filter(p -> p.toString().endsWith("_importances.csv")).map(p -> p.getParent().getParent().getFileName() + "/" + p.getFileName()))
                    .hasSize(2).allMatch(p -> p.matches("universe=[0-9a-f]{12}/(xgboost|lightgbm)_importances\\.csv"));
        }
    }

    private static void train(Path work, Path root, String name, int maxDepth) throws Exception {
        ChildJvm.Result child = ChildJvm.main(SnapshotTrainingMain.class, "train", root.toString(), name,
                Integer.toString(maxDepth)).in(work).named(name).run();
        assertThat(child.exitCode()).as(child.output()).isZero();
    }

    private static Snapshot only(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(p -> p.getFileName().toString().equals("snapshot.json")).toList();
            assertThat(files).hasSize(1);
            return Snapshot.read(files.get(0));
        }
    }
}
