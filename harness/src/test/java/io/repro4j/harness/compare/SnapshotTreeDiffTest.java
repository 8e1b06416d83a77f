package io.repro4j.harness.compare;

import io.repro4j.harness.testkit.ReferenceTrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Repro4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTreeDiffTest {

    private static final String KEY = "fwd_ret_10m/CROSS_SECTIONAL/cs_2025Q3_248c5d370bcc_min_cs3_max2000_v1_9ee22f0c";

    @Test
    void identicalTreesAtRootAndRunLevel(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        ReferenceTrees.copyInto(b);
        SnapshotTreeDiff.Result r = SnapshotTreeDiff.diff(a, b.resolve("runs/r1"));
        assertThat(r.identical()).isTrue();
        assertThat(r.pairs()).isEqualTo(1);
    }

    @Test
    void volatileFieldsAreIgnoredAndOtherKeysCompared(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.mutate(cb, json -> {
            json.put("run_id", "other");
            json.put("timestamp", "2030-01-01T00:00:00");
            json.withObject("process").withObject("environment").put("python_version", "3.12.0");
            json.withObject("process").withObject("split").put("purge_minutes", 90.0);
            json.put("brand_new_key", "x");
        });
        SnapshotTreeDiff.Result r = SnapshotTreeDiff.diff(a, b);
        assertThat(r.differences()).extracting(Object::toString).containsExactly(
                KEY + ": brand_new_key: (absent) → x",
                KEY + ": process.split.purge_minutes: 85.0 → 90.0");
        assertThat(r.drift()).extracting(Object::toString)
                .containsExactly(KEY + ": environment: python_version 3.11.7 → 3.12.0");
    }

    @Test
    void fingerprintFieldComesFirstWithItsName(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.mutate(cb, json -> json.withObject("comparison_group").put("train_seed", 43));
        SnapshotTreeDiff.Result r = SnapshotTreeDiff.diff(a, b);
        assertThat(r.differences()).extracting(Object::toString)
                .containsExactly(KEY + ": comparison_group.train_seed: 42 → 43");
    }

    @Test
    void unpairedSnapshotsAreReported(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        Path moved = Files.createDirectories(cb.getParent().resolve("cohort=cs_other"));
        Files.copy(cb.resolve("snapshot.json"), moved.resolve("snapshot.json"));
        SnapshotTreeDiff.Result r = SnapshotTreeDiff.diff(a, b);
        assertThat(r.identical()).isFalse();
        assertThat(r.unpaired()).extracting(SnapshotTreeDiff.Unpaired::key)
                .containsExactly("fwd_ret_10m/CROSS_SECTIONAL/cs_other");
    }

    @Test
    void singleReferenceCohortDirectoryPairsWithATree(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(b);
        assertThat(SnapshotTreeDiff.diff(ReferenceTrees.referenceRun(a), b).identical()).isTrue();
    }

    @Test
    void badInputNamesTheProblem(@TempDir Path a, @TempDir Path b) throws IOException {
        assertThatThrownBy(() -> SnapshotTreeDiff.diff(a.resolve("missing"), b))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SnapshotTreeDiff.diff(a, b))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("holds no snapshot.json");
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.copyInto(a);
        Files.writeString(cb.resolve("snapshot.json"), "{\"run_id\": ");
        assertThatThrownBy(() -> SnapshotTreeDiff.diff(a, b))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining(cb.resolve("snapshot.json").toString()).hasMessageContaining("invalid JSON");
    }
}
