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
import org.junit.jupiter.api.Test;

/**
 * {@code @DeterministicTraining} tests that train XGBoost4J-Spark with two workers in real child JVMs running real
 * Spark: a canonical layout is reproducible under the partitioning perturbation, {@code repartition(2)} is caught by
 * it (and only by it), and the children leave nothing behind, also when they time out.
 */
class SparkTrainingIT {

    private static JsonNode snapshot(FixtureExecution run, int index) {
        return Snapshot.read(Path.of(run.verdict().path("runs").get(index - 1).path("snapshot_dir").asText())).json();
    }

    @Test
    void aCanonicalLayoutTrainsOneModelUnderOtherPartitioningDefaultsAndRecordsThePolicyAndSpark() {
        FixtureExecution run = FixtureExecution.execute(SparkTrainingTestCase.class, "canonicalLayoutUnderPartitioning");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        JsonNode first = snapshot(run, 1);
        JsonNode second = snapshot(run, 2);
        assertThat(first.path("model_sha256").asText()).matches("[0-9a-f]{64}")
                .isEqualTo(second.path("model_sha256").asText());
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
}
