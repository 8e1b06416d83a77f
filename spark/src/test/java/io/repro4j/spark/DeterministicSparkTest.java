package io.repro4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.estimator.Rewrite;
import io.repro4j.harness.fingerprint.Signatures;
import io.repro4j.harness.testkit.InJvmStrictMode;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassifier;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The policy on XGBoost4J-Spark's estimators, in this JVM (no Spark session: building an estimator starts none). */
class DeterministicSparkTest {

    @RegisterExtension
    final InJvmStrictMode strict = new InJvmStrictMode();

    private String signature(LedgerEntry entry) {
        return Signatures.hyperparameters("xgboost", entry.effectiveParams());
    }

    @Test
    void theNumberOfWorkersIsPartOfTheHyperParameterSignature() {
        DeterministicSpark.xgboostRegressor(Map.of("max_depth", 4), 7, 2);
        DeterministicSpark.xgboostRegressor(Map.of("max_depth", 4), 7, 3);
        DeterministicSpark.xgboostRegressor(Map.of("max_depth", 4), 7, 2);

        List<LedgerEntry> entries = strict.entries();
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).effectiveParams()).containsEntry("num_workers", 2);
        assertThat(entries.get(1).effectiveParams()).containsEntry("num_workers", 3);
        assertThat(signature(entries.get(0))).isNotEqualTo(signature(entries.get(1)))
                .isEqualTo(signature(entries.get(2)));
    }

    @Test
    void gpuRequestsAndThreadCountsAreRewrittenRecordedAndReachTheEstimator() {
        XGBoostRegressor regressor = DeterministicSpark.xgboostRegressor(Map.of("device", "cuda", "nthread", 8,
                "tree_method", "gpu_hist", "n_estimators", 30, "numWorkers", 5, "force_repartition", true), 11, 2);

        LedgerEntry entry = strict.entries().get(0);
        assertThat(entry.entryPoint().call()).isEqualTo("DeterministicSpark.xgboostRegressor");
        assertThat(entry.callSite()).as("the caller, not repro4j-spark")
                .startsWith(DeterministicSparkTest.class.getName() + ".gpuRequestsAndThreadCounts");
        assertThat(entry.requestedParams()).containsEntry("nthread", 8).containsEntry("device", "cuda");
        assertThat(entry.effectiveParams()).containsEntry("nthread", 1).containsEntry("device", "cpu")
                .containsEntry("tree_method", "hist").containsEntry("num_round", 30).containsEntry("num_workers", 2)
                .containsEntry("force_repartition", false).containsEntry("seed_per_iteration", true)
                .containsEntry("seed", 11);
        assertThat(entry.rewrites()).filteredOn(Rewrite::warning).extracting(Rewrite::key)
                .contains("device", "tree_method", "nthread", "num_workers", "force_repartition");
        assertThat(regressor.getNthread()).isEqualTo(1);
        assertThat(regressor.getDevice()).isEqualTo("cpu");
        assertThat(regressor.getTreeMethod()).isEqualTo("hist");
        assertThat(regressor.getNumWorkers()).isEqualTo(2);
        assertThat(regressor.getNumRound()).isEqualTo(30);
        assertThat(regressor.getForceRepartition()).isFalse();
        assertThat(regressor.getSeed()).isEqualTo(11L);
    }

    @Test
    void withoutARoundCountTheLibrarysDefaultIsRecordedSoTheSignatureCoversIt() {
        XGBoostClassifier classifier = DeterministicSpark.xgboostClassifier(Map.of(), 3, 1);

        assertThat(strict.entries().get(0).effectiveParams()).containsEntry("num_round", 100)
                .doesNotContainKey("objective");
        assertThat(classifier.getNumRound()).isEqualTo(100);
    }

    @Test
    void aParameterXgboostSparkWouldIgnoreIsRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> DeterministicSpark.xgboostRegressor(Map.of("max_dept", 4), 7, 2))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("max_dept=4 is not a parameter of"
                        + " XGBoostRegressor").hasMessageContaining("ignore it without a word");
        assertThat(strict.entries()).isEmpty();
    }

    @Test
    void fitRefusesAnEstimatorDeterministicSparkDidNotBuild() {
        assertThatThrownBy(() -> DeterministicSpark.fit(new XGBoostRegressor(), null))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining("DeterministicSpark.xgboostRegressor(params, seed, numWorkers)");
    }

    @Test
    void fitRefusesAPolicySettingChangedOnTheEstimatorAfterwards() {
        XGBoostRegressor regressor = DeterministicSpark.xgboostRegressor(Map.of(), 7, 2);
        regressor.setNthread(4);

        assertThatThrownBy(() -> DeterministicSpark.fit(regressor, null)).isInstanceOf(Repro4jException.class)
                .hasMessageContaining("nthread is 4 instead of 1")
                .hasMessageContaining("instead of setting them on the estimator afterwards");
    }

    @Test
    void aNumberOfWorkersBelowOneIsRefused() {
        assertThatThrownBy(() -> DeterministicSpark.xgboostRegressor(Map.of(), 7, 0))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("numWorkers = 0 must be at least 1");
    }

    @Test
    void namesMatchAsXgboostSparkMatchesThem() {
        assertThat(SparkTraining.camelCase("num_early_stopping_rounds")).isEqualTo("numEarlyStoppingRounds");
        assertThat(SparkTraining.snakeCase("numWorkers")).isEqualTo("num_workers");
        assertThat(SparkSessions.isLocal("local[2]")).isTrue();
        assertThat(SparkSessions.isLocal("local[*]")).isTrue();
        assertThat(SparkSessions.isLocal("local-cluster[2,1,1024]")).isFalse();
        assertThat(SparkSessions.isLocal("spark://10.0.0.1:7077")).isFalse();
        assertThat(SparkSessions.executorThreads("local-cluster[2,1,1024]")).isEqualTo(2);
        assertThat(SparkSessions.executorThreads("local[3]")).isEqualTo(3);
    }
}
