package io.repro4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.testkit.FixtureExecution;
import io.repro4j.spark.fixtures.SparkTrainingTestCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The same check on a multi-process Spark cluster started on loopback from the class path: Spark's
 * {@code local-cluster[2,1,1024]} runs a standalone master and worker in the child JVM and each executor as a JVM of
 * its own, configured on purpose with {@code repro4j.spark.master}. The canonical layout trains the same model there
 * as in local mode, in both runs, and the executors are gone afterwards.
 */
class SparkClusterIT {

    private static final String METHOD = "canonicalLayoutOnTheConfiguredMaster";
    private static final String CLUSTER = "local-cluster[2,1,1024]";

    private static JsonNode snapshot(FixtureExecution run, int index) {
        return Snapshot.read(Path.of(run.verdict().path("runs").get(index - 1).path("snapshot_dir").asText())).json();
    }

    @Test
    void twoExecutorJvmsTrainTheModelOfLocalModeInEveryRunAndEndWithTheChild() {
        FixtureExecution local = FixtureExecution.execute(SparkTrainingTestCase.class, METHOD);
        local.tests().assertStatistics(stats -> stats.succeeded(1));
        String localModel = snapshot(local, 1).path("model_sha256").asText();
        assertThat(snapshot(local, 1).path("run_context").path("executor_processes").asInt()).isZero();

        FixtureExecution cluster = FixtureExecution.of(SparkTrainingTestCase.class).method(METHOD)
                .configDir(FixtureExecution.testConfig()).parameter("repro4j.spark.master", CLUSTER).execute();

        cluster.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(cluster.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        for (int k = 1; k <= 2; k++) {
            JsonNode snapshot = snapshot(cluster, k);
            assertThat(snapshot.path("run_context").path("spark_master").asText()).isEqualTo(CLUSTER);
            assertThat(snapshot.path("run_context").path("executor_processes").asInt()).as("executor JVMs of run %s", k)
                    .isEqualTo(2);
            assertThat(snapshot.path("environment").path("spark").path("master").asText()).isEqualTo(CLUSTER);
            assertThat(snapshot.path("model_sha256").asText()).as("run %s's model against local[2]'s", k)
                    .isEqualTo(localModel);
        }
        SparkLeftovers.assertNoneAfter(cluster.workDirectory(), FixtureExecution.RESULTS_ROOT, METHOD, 2);
    }
}
