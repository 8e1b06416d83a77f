package io.repro4j.harness.strict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict mode refuses to train in any JVM started without the strict environment, not only in child JVMs. */
class StrictGuardIT {

    @TempDir
    Path dir;

    /** A JVM started the ordinary way: the parent's PATH and HOME, no strict variables or flags. */
    private ChildJvm plainJvm(String... extraFlags) {
        return ChildJvm.main(GuardedTraining.class, dir.resolve("results").toString()).in(dir)
                .environment(Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home")))
                .jvmFlags(List.of(extraFlags));
    }

    private JsonNode snapshot(ChildJvm.Result r) {
        return Json.readTree(Path.of(r.stdout().strip()).resolve("snapshot.json"), "snapshot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"createEstimator", "nativeTraining", "DeterministicXGBoost"})
    void strictModeRefusesToTrainSayingWhatIsMissingAndHowToStartTheJvm(String entryPoint) throws Exception {
        ChildJvm.Result r = ChildJvm.main(GuardedTraining.class, dir.resolve("results").toString(), entryPoint)
                .in(dir).environment(Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home")))
                .jvmFlags(List.of()).run();

        assertThat(r.exitCode()).as(r.output()).isEqualTo(GuardedTraining.REFUSED);
        assertThat(r.stderr()).contains("Strict mode (reproducibility.mode: strict, strict.require_env_vars: true)"
                + " needs the strict environment")
                .contains("OMP_NUM_THREADS is not set (strict mode needs OMP_NUM_THREADS=1)")
                .contains("-Duser.timezone=UTC")
                .contains("bin/run-deterministic").contains("repro4j run").contains("@DeterministicTraining")
                .contains("REPRO_MODE=best_effort");
    }

    @Test
    void bestEffortTrainsInAnyEnvironment() throws Exception {
        ChildJvm.Result r = plainJvm("-Drepro4j.mode=best_effort").run();

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(snapshot(r).path("mode").asText()).isEqualTo("best_effort");
        assertThat(snapshot(r).path("strict_violations")).isEmpty();
    }

    @Test
    void withoutRequireEnvVarsStrictModeTrainsWarnsOnceAndTheSnapshotRecordsTheViolations() throws Exception {
        ChildJvm.Result r = plainJvm("-Drepro4j.strict.require_env_vars=false").run();

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stderr()).containsOnlyOnce("strict mode trains without the strict environment");
        JsonNode violations = snapshot(r).path("strict_violations");
        assertThat(violations.toString()).contains("OMP_NUM_THREADS is not set");
    }

    @Test
    void theStrictEnvironmentTrainsAndRecordsNoViolation() throws Exception {
        ChildJvm.Result r = ChildJvm.main(GuardedTraining.class, dir.resolve("results").toString()).in(dir).run();

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(snapshot(r).path("mode").asText()).isEqualTo("strict");
        assertThat(snapshot(r).path("strict_violations")).isEmpty();
    }
}
