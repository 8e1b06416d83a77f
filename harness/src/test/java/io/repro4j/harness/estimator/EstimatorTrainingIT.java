package io.repro4j.harness.estimator;

import io.repro4j.harness.fingerprint.PredictionFingerprint;
import io.repro4j.harness.testkit.SyntheticData;
import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.lightgbm.LightGbmEstimator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Trains real XGBoost and LightGBM models in this JVM (small data, a few rounds). */
class EstimatorTrainingIT {
    private static final ReproducibilityConfig STRICT = ReproducibilityConfig.defaults();
    private static final ReproducibilityConfig BEST_EFFORT =
            ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT).build();

    private final EstimatorLedger ledger = new EstimatorLedger();

    /** Bagging and feature sampling on, so the seed matters. */
    private static Map<String, Object> sampledParams(Library library) {
        Map<String, Object> p = new HashMap<>();
        p.put("n_estimators", 20);
        p.put("max_depth", 4);
        p.put("learning_rate", 0.1);
        if (library == Library.XGBOOST) {
            p.put("subsample", 0.8);
            p.put("colsample_bytree", 0.8);
        } else {
            p.put("bagging_fraction", 0.8);
            p.put("bagging_freq", 1);
            p.put("feature_fraction", 0.8);
            p.put("num_leaves", 15);
            p.put("min_data_in_leaf", 10);
        }
        return p;
    }

    private record Trained(String modelSha256, double[] predictions, Map<String, Double> importances) {
    }

    private Trained train(Library library, ProblemKind kind, Map<String, ?> params, long seed,
            ReproducibilityConfig config) {
        Dataset data = SyntheticData.of(kind);
        try (Estimator estimator = EstimatorFactory.create(library, params, seed, kind, config, ledger)) {
            estimator.fit(data);
            return new Trained(estimator.modelSha256(), estimator.predict(data), estimator.featureImportances());
        }
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void regressionPredictsFiniteValuesAndReportsImportancesByFeatureName(Library library) {
        Trained t = train(library, ProblemKind.REGRESSION, sampledParams(library), 42, STRICT);

        assertThat(t.predictions()).hasSize(SyntheticData.TRAIN_ROWS);
        assertThat(DoubleStream.of(t.predictions()).allMatch(Double::isFinite)).as("all finite").isTrue();
        assertThat(DoubleStream.of(t.predictions()).distinct().count()).as("a trained model does not predict a constant")
                .isGreaterThan(1);
        assertThat(t.importances().keySet()).containsExactlyElementsOf(SyntheticData.of(ProblemKind.REGRESSION)
                .featureNames());
        assertThat(t.importances().values()).allMatch(v -> v >= 0).anyMatch(v -> v > 0);
        assertThat(t.modelSha256()).matches("[0-9a-f]{64}");
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void digestAndImportancesOutliveCloseWhilePredictionIsRefused(Library library) {
        Dataset data = SyntheticData.of(ProblemKind.REGRESSION);
        Estimator estimator = EstimatorFactory.create(library, sampledParams(library), 42, ProblemKind.REGRESSION,
                STRICT, ledger);
        estimator.fit(data);
        String digest = estimator.modelSha256();
        Map<String, Double> importances = estimator.featureImportances();

        estimator.close();

        assertThat(estimator.modelSha256()).isEqualTo(digest);
        assertThat(estimator.featureImportances()).isEqualTo(importances);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> estimator.predict(data))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void classificationPredictsProbabilitiesThatSeparateTheClasses(Library library) {
        Dataset data = SyntheticData.of(ProblemKind.CLASSIFICATION);
        Trained t = train(library, ProblemKind.CLASSIFICATION, sampledParams(library), 42, STRICT);

        assertThat(t.predictions()).hasSize(SyntheticData.TRAIN_ROWS);
        assertThat(DoubleStream.of(t.predictions()).allMatch(p -> p >= 0.0 && p <= 1.0)).as("probabilities").isTrue();
        int correct = 0;
        for (int r = 0; r < data.rows(); r++) {
            correct += (t.predictions()[r] > 0.5) == (data.label(r) == 1.0) ? 1 : 0;
        }
        assertThat(correct).as("training accuracy").isGreaterThan(SyntheticData.TRAIN_ROWS * 8 / 10);
        assertThat(t.importances()).containsOnlyKeys(data.featureNames());
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void sameSeedTwiceGivesIdenticalModelAndPredictions(Library library) {
        for (ProblemKind kind : ProblemKind.values()) {
            Trained a = train(library, kind, sampledParams(library), 7, STRICT);
            Trained b = train(library, kind, sampledParams(library), 7, STRICT);

            assertThat(b.modelSha256()).isEqualTo(a.modelSha256());
            assertThat(PredictionFingerprint.float64Sha256(b.predictions())).isEqualTo(PredictionFingerprint.float64Sha256(a.predictions()));
        }
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void changingMaxDepthChangesTheModelHash(Library library) {
        Map<String, Object> deeper = sampledParams(library);
        deeper.put("max_depth", 2);

        assertThat(train(library, ProblemKind.REGRESSION, deeper, 42, STRICT).modelSha256())
                .isNotEqualTo(train(library, ProblemKind.REGRESSION, sampledParams(library), 42, STRICT).modelSha256());
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void anotherSeedWithBaggingChangesTheModelHash(Library library) {
        assertThat(train(library, ProblemKind.REGRESSION, sampledParams(library), 43, STRICT).modelSha256())
                .isNotEqualTo(train(library, ProblemKind.REGRESSION, sampledParams(library), 42, STRICT).modelSha256());
    }

    @Test
    void theLedgerRecordsTheRewritesOfEachCall() {
        Map<String, Object> xgb = sampledParams(Library.XGBOOST);
        xgb.put("device", "cuda");
        xgb.put("n_jobs", -1);
        train(Library.XGBOOST, ProblemKind.REGRESSION, xgb, 42, STRICT);
        train(Library.LIGHTGBM, ProblemKind.CLASSIFICATION, sampledParams(Library.LIGHTGBM), 42, STRICT);

        assertThat(ledger.entries()).hasSize(2);
        LedgerEntry first = ledger.entries().get(0);
        assertThat(first.effectiveParams()).containsEntry("device", "cpu").containsEntry("nthread", 1)
                .containsEntry("num_round", 20);
        assertThat(first.rewrites()).anyMatch(r -> r.key().equals("device") && "cuda".equals(r.requested())
                && "cpu".equals(r.effective()) && r.warning());
        assertThat(first.rewrites()).anyMatch(r -> r.key().equals("nthread") && r.warning());
        assertThat(first.rewrites()).anyMatch(r -> r.key().equals("num_round") && r.reason().contains("n_estimators"));
        LedgerEntry second = ledger.entries().get(1);
        assertThat(second.library()).isEqualTo(Library.LIGHTGBM);
        assertThat(second.rewrites()).extracting(Rewrite::key)
                .contains("seed", "deterministic", "force_row_wise", "bagging_seed", "num_threads", "device_type");
        assertThat(second.model().modelSha256()).as("the trained model outlives close()").matches("[0-9a-f]{64}");
    }

    @Test
    void lightGbmModelHashIgnoresTheThreadCountWhileTheFullModelTextDoesNot() {
        Map<String, Object> one = sampledParams(Library.LIGHTGBM);
        one.put("num_threads", 1);
        Map<String, Object> two = sampledParams(Library.LIGHTGBM);
        two.put("num_threads", 2);
        Dataset data = SyntheticData.of(ProblemKind.REGRESSION);

        try (LightGbmEstimator a = (LightGbmEstimator) EstimatorFactory.create(Library.LIGHTGBM, one, 42,
                ProblemKind.REGRESSION, BEST_EFFORT, ledger);
                LightGbmEstimator b = (LightGbmEstimator) EstimatorFactory.create(Library.LIGHTGBM, two, 42,
                        ProblemKind.REGRESSION, BEST_EFFORT, ledger)) {
            a.fit(data);
            b.fit(data);

            assertThat(a.modelText()).as("the saved model embeds num_threads").isNotEqualTo(b.modelText());
            assertThat(b.modelSha256()).isEqualTo(a.modelSha256());
            assertThat(PredictionFingerprint.float64Sha256(b.predict(data))).isEqualTo(PredictionFingerprint.float64Sha256(a.predict(data)));
        }
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void refittingRetrainsFromScratch(Library library) {
        Dataset data = SyntheticData.of(ProblemKind.REGRESSION);
        try (Estimator estimator = EstimatorFactory.create(library, sampledParams(library), 42,
                ProblemKind.REGRESSION, STRICT, ledger)) {
            estimator.fit(data);
            String first = estimator.modelSha256();
            estimator.fit(data);

            assertThat(estimator.modelSha256()).isEqualTo(first);
        }
    }
}
