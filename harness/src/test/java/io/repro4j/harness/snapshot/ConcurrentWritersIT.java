package io.repro4j.harness.snapshot;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs writing many runs into one results root at once lose nothing and leave no temp files. */
class ConcurrentWritersIT {

    private static final int RUNS_PER_WRITER = 25;

    @Test
    void concurrentWritersLoseNothing(@TempDir Path work) throws Exception {
        Path root = work.resolve("results");
        ChildJvm.Started one = ChildJvm.main(SnapshotTrainingMain.class, "many", root.toString(), "one",
                Integer.toString(RUNS_PER_WRITER)).in(work).named("one").start();
        ChildJvm.Started two = ChildJvm.main(SnapshotTrainingMain.class, "many", root.toString(), "two",
                Integer.toString(RUNS_PER_WRITER)).in(work).named("two").start();
        ChildJvm.Result first = one.await();
        ChildJvm.Result second = two.await();
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();

        List<Path> snapshots;
        try (Stream<Path> walk = Files.walk(root)) {
            snapshots = walk.filter(p -> p.getFileName().toString().equals("snapshot.json")).toList();
        }
        assertThat(snapshots).hasSize(2 * RUNS_PER_WRITER);
        for (String writer : List.of("one", "two")) {
            for (int i = 0; i < RUNS_PER_WRITER; i++) {
                assertThat(root.resolve("runs/" + writer + "-" + i)).isDirectory();
            }
        }
        int comparable = 0;
        for (Path file : snapshots) {
            Snapshot s = Snapshot.read(file);
            assertThat(s.metrics()).containsKey("rmse");
            JsonNode diff = Json.MAPPER.readTree(s.directory().resolve("diff_prev.json").toFile());
            assertThat(diff.get("skipped_snapshots")).as(file.toString()).isEmpty();
            assertThat(diff.get("severity").asText()).isIn("none", "minor");
            comparable += diff.get("comparable").asBoolean() ? 1 : 0;
        }
        assertThat(comparable).isGreaterThanOrEqualTo(2 * RUNS_PER_WRITER - 2);
        try (Stream<Path> walk = Files.walk(root)) {
            assertThat(walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }
}
