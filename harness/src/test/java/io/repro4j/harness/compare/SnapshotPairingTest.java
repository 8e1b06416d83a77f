package io.repro4j.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code repro4j diff} pairs the snapshots of two trees: by target, view, symbol and cohort. */
class SnapshotPairingTest {

    @TempDir
    Path tree;

    private Path snapshot(String relativeDir, String target, String view, String symbol, String timestamp,
            String runId) throws IOException {
        Path dir = Files.createDirectories(tree.resolve(relativeDir));
        Files.writeString(dir.resolve(Snapshot.FILE_NAME), "{\"run_id\": \"" + runId + "\", \"timestamp\": \""
                + timestamp + "\", \"target\": \"" + target + "\", \"view\": \"" + view + "\", \"symbol\": "
                + (symbol == null ? "null" : "\"" + symbol + "\"") + ", \"comparison_group\": {}}");
        return dir;
    }

    @Test
    void theKeyComesFromThePathUnderTargetsWhateverRunItIsIn() throws IOException {
        Path cs = snapshot("runs/r1/targets/fwd_ret_10m/reproducibility/CROSS_SECTIONAL/cohort=cs_abc", "other",
                "SYMBOL_SPECIFIC", null, "t1", "a");
        Path sy = snapshot("targets/fwd_dir/reproducibility/SYMBOL_SPECIFIC/symbol=AAPL/cohort=sy_def", "x", "y",
                null, "t1", "b");

        assertThat(SnapshotTreeDiff.key(tree, Snapshot.read(cs))).isEqualTo("fwd_ret_10m/CROSS_SECTIONAL/cs_abc");
        assertThat(SnapshotTreeDiff.key(tree, Snapshot.read(sy))).isEqualTo("fwd_dir/SYMBOL_SPECIFIC/AAPL/sy_def");
    }

    @Test
    void withoutTheTreeLayoutTheKeyComesFromTheSnapshotAndItsMetadata() throws IOException {
        Path dir = snapshot("somewhere", "fwd_ret_10m", "SYMBOL_SPECIFIC", "MSFT", "t1", "a");
        assertThat(SnapshotTreeDiff.key(tree, Snapshot.read(dir))).isEqualTo("fwd_ret_10m/SYMBOL_SPECIFIC/MSFT/-");
        Files.writeString(dir.resolve("metadata.json"), "{\"cohort_id\": \"sy_123\"}");
        assertThat(SnapshotTreeDiff.key(tree, Snapshot.read(dir))).isEqualTo("fwd_ret_10m/SYMBOL_SPECIFIC/MSFT/sy_123");
        Files.writeString(dir.resolve("metadata.json"), "{\"cohort_id\": 7}");
        assertThat(SnapshotTreeDiff.key(tree, Snapshot.read(dir))).endsWith("/-");
        Path empty = snapshot("elsewhere", "t", "CROSS_SECTIONAL", "", "t1", "a");
        assertThat(SnapshotTreeDiff.key(tree, Snapshot.read(empty))).isEqualTo("t/CROSS_SECTIONAL/-");
    }

    @Test
    void runsOfOneCohortInOneTreePairInTimeOrder() throws IOException {
        snapshot("runs/late/targets/t/reproducibility/CROSS_SECTIONAL/cohort=cs_1", "t", "CROSS_SECTIONAL", null,
                "2026-01-02T00:00:00", "a");
        snapshot("runs/early/targets/t/reproducibility/CROSS_SECTIONAL/cohort=cs_1", "t", "CROSS_SECTIONAL", null,
                "2026-01-01T00:00:00", "z");
        snapshot("runs/tie/targets/t/reproducibility/CROSS_SECTIONAL/cohort=cs_1", "t", "CROSS_SECTIONAL", null,
                "2026-01-01T00:00:00", "b");
        snapshot("runs/x/targets/u/reproducibility/CROSS_SECTIONAL/cohort=cs_2", "u", "CROSS_SECTIONAL", null,
                "2026-01-01T00:00:00", "c");

        Map<String, Snapshot> index = SnapshotTreeDiff.index(tree, "a");

        assertThat(index.keySet()).containsExactly("t/CROSS_SECTIONAL/cs_1", "t/CROSS_SECTIONAL/cs_1#2",
                "t/CROSS_SECTIONAL/cs_1#3", "u/CROSS_SECTIONAL/cs_2");
        assertThat(index.get("t/CROSS_SECTIONAL/cs_1").get("run_id")).isEqualTo("b");
        assertThat(index.get("t/CROSS_SECTIONAL/cs_1#2").get("run_id")).isEqualTo("z");
        assertThat(index.get("t/CROSS_SECTIONAL/cs_1#3").get("run_id")).isEqualTo("a");
    }

    @Test
    void aTreeWithoutSnapshotsOrThatDoesNotExistIsBadInput() throws IOException {
        Files.createDirectories(tree.resolve("empty/targets"));
        Files.writeString(tree.resolve("empty/targets/not-a-snapshot.json"), "{}");
        assertThatThrownBy(() -> SnapshotTreeDiff.index(tree.resolve("empty"), "b"))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("holds no snapshot.json");
        assertThatThrownBy(() -> SnapshotTreeDiff.index(tree.resolve("missing"), "b"))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("does not exist");
        Files.createDirectories(tree.resolve("dir/snapshot.json"));
        assertThatThrownBy(() -> SnapshotTreeDiff.index(tree.resolve("dir"), "b"))
                .hasMessageContaining("holds no snapshot.json");
    }
}
