package io.repro4j.harness.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains in separate child JVMs: the same seed must give the same bits, a clock-derived seed must not. */
class CrossJvmDeterminismIT {
    @TempDir
    Path work;

    private List<String> runChild(String name, String... args) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(name));
        ChildJvm.Result child = ChildJvm.main(DeterminismProbe.class, args).in(dir).run();
        assertThat(child.exitCode()).as("exit code of child %s; stderr:%n%s", name, child.stderr()).isZero();
        List<String> lines = child.lines().stream().filter(l -> l.startsWith(DeterminismProbe.PREFIX)).toList();
        assertThat(lines).as("result lines of child %s", name).hasSize(2);
        return lines;
    }

    @Test
    void sameSeedInTwoJvmsGivesIdenticalModelsAndPredictionsWhileAClockSeedDiffers() throws Exception {
        List<String> first = runChild("first");
        List<String> second = runChild("second");
        List<String> clock = runChild("clock", "nanotime");

        assertThat(second).containsExactlyElementsOf(first);
        assertThat(first).extracting(l -> l.split(" ")[1]).containsExactly("xgboost", "lightgbm");
        for (int i = 0; i < first.size(); i++) {
            String[] same = first.get(i).split(" ");
            String[] other = clock.get(i).split(" ");
            assertThat(other[2]).as("model hash of %s with a clock seed", same[1]).isNotEqualTo(same[2]);
            assertThat(other[3]).as("predictions hash of %s with a clock seed", same[1]).isNotEqualTo(same[3]);
        }
    }
}
