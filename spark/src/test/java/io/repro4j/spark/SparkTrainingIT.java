package io.repro4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.testkit.FixtureExecution;
import io.repro4j.spark.fixtures.SparkTrainingTestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code @DeterministicTraining} tests that train XGBoost4J-Spark with two workers in real child JVMs running real
 * Spark: a canonical layout is reproducible under the partitioning perturbation, {@code repartition(2)} is caught by
 * it (and only by it), the same check passes on a multi-process cluster with local mode's model, and the children
 * leave nothing behind, also when they time out. Each scenario runs once: the cluster test compares with the model the
 * canonical test trained in local mode, which runs first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkTrainingIT {

    private static final String CLUSTER = "local-cluster[2,1,1024]";
    /** The model {@code local[2]} trained on the canonical layout, once the first test has run. */
    private static String localModel;

    private static JsonNode snapshot(FixtureExecution run, int index) {
        return Snapshot.read(Path.of(run.verdict().path("runs").get(index - 1).path("snapshot_dir").asText())).json();
    }

    @Test
    @Order(1)
    void aCanonicalLayoutTrainsOneModelUnderOtherPartitioningDefaultsAndRecordsThePolicyAndSpark() {
        FixtureExecution run = FixtureExecution.execute(SparkTrainingTestCase.class, "canonicalLayoutUnderPartitioning");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        JsonNode first = snapshot(run, 1);
        JsonNode second = snapshot(run, 2);
        assertThat(first.path("model_sha256").asText()).matches("[0-9a-f]{64}")
                .isEqualTo(second.path("model_sha256").asText());
        localModel = first.path("model_sha256").asText();
        JsonNode entry = first.path("estimator_ledger").get(0);
        assertThat(entry.path("entry_point").asText()).isEqualTo("DeterministicSpark.xgboostRegressor");
        assertThat(entry.path("requested_params").path("nthread").asInt()).isEqualTo(4);
        JsonNode effective = entry.path("effective_params");
        assertThat(effective.path("nthread").asInt()).as("one thread per worker").isEqualTo(1);
        assertThat(effective.path("num_workers").asInt()).isEqualTo(2);
        assertThat(effective.path("force_repartition").asBoolean(true)).isFalse();
        assertThat(effective.path("tree_method").asText()).isEqualTo("hist");

        assertThat(second.path("run_context").path("spark_partitioning").path("spark.default.parallelism").asText())
                .isEqualTo("3");
        JsonNode spark1 = first.path("environment").path("spark");
        JsonNode spark2 = second.path("environment").path("spark");
        assertThat(spark1.path("master").asText()).isEqualTo("local[2]");
        assertThat(spark1.path("executor_threads").asInt()).isEqualTo(2);
        assertThat(spark1.path("settings").path("spark.ui.enabled").asText()).isEqualTo("false");
        assertThat(spark1.path("settings").path("spark.driver.host").asText()).isEqualTo("127.0.0.1");
        assertThat(spark1.path("default_parallelism").asInt()).isEqualTo(2);
        assertThat(spark2.path("default_parallelism").asInt()).isEqualTo(3);
        assertThat(spark2.path("settings").path("spark.sql.shuffle.partitions").asText()).isEqualTo("7");

        SparkLeftovers.assertNoneAfter(run.workDirectory(), FixtureExecution.RESULTS_ROOT,
                "canonicalLayoutUnderPartitioning", 2);
    }

    @Test
    void repartitionWithoutKeysMovesTheModelUnderOtherPartitioningDefaultsAndTheVerdictSaysSo() {
        FixtureExecution run = FixtureExecution.execute(SparkTrainingTestCase.class, "repartitionUnderPartitioning");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        List<String> fields = new ArrayList<>();
        run.verdict().path("differences").forEach(d -> fields.add(d.path("field").asText()));
        assertThat(fields).contains("model_sha256", "predictions_f64_sha256")
                .noneMatch(f -> f.startsWith("comparison_group."));
        String message = run.failureMessage();
        assertThat(message.lines().findFirst().orElseThrow()).contains("model_sha256")
                .contains("differ in run 2 of 2 (identity-hash shift 17, Spark partitioning: parallelism 3,"
                        + " shuffle partitions 7");
        assertThat(message).contains("hint: run 1 used Spark's own partitioning defaults")
                .contains("DeterministicSpark.canonical(data, numWorkers, keyColumns…)");
    }

    @Test
    void repartitionWithoutKeysRepeatsWhenNothingIsPerturbed() {
        FixtureExecution run = FixtureExecution.execute(SparkTrainingTestCase.class, "repartitionUnperturbed");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
    }

    @Test
    void childrenThatHangAfterTrainingOnSparkLeaveNoProcessTempDirectoryOrPortAfterTheTimeout() {
        FixtureExecution run = FixtureExecution.execute(SparkTrainingTestCase.class, "trainsThenHangs");

        assertThat(run.failureMessage()).contains("timed out");
        SparkLeftovers.assertNoneAfter(run.workDirectory(), FixtureExecution.RESULTS_ROOT, "trainsThenHangs", 2);
    }

    /**
     * Spark's {@code local-cluster[2,1,1024]}, configured on purpose with {@code repro4j.spark.master}: a standalone
     * master and worker in the child JVM and each executor a JVM of its own, on loopback.
     */
    @Test
    @Order(5)
    void onALocalClusterTwoExecutorJvmsTrainLocalModesModelInEveryRunAndEndWithTheChild() {
        String method = "canonicalLayoutOnTheConfiguredMaster";
        if (localModel == null) {
            // Run on its own: train local mode's model here instead of in the first test.
            FixtureExecution local = FixtureExecution.execute(SparkTrainingTestCase.class, method);
            local.tests().assertStatistics(stats -> stats.succeeded(1));
            localModel = snapshot(local, 1).path("model_sha256").asText();
        }
        FixtureExecution cluster = FixtureExecution.of(SparkTrainingTestCase.class).method(method)
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
        SparkLeftovers.assertNoneAfter(cluster.workDirectory(), FixtureExecution.RESULTS_ROOT, method, 2);
    }
}
