package io.repro4j.harness.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.Library;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.estimator.NativeLibraries;
import io.repro4j.harness.fingerprint.Sha256;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trains real XGBoost4J models in this JVM through {@link DeterministicXGBoost}: what it gives the library, what the
 * ledger records, and that the booster is exactly what {@code XGBoost.train} trains with those parameters. Runs against
 * every XGBoost4J version the build tests (the {@code xgboost-2.1.4} execution swaps the jar).
 */
class DeterministicXGBoostIT {
    private static final int ROWS = 600;
    private static final int FEATURES = 5;
    private static final int CLASSES = 3;

    private int mark;

    @BeforeEach
    void strictModeWithoutTheStrictEnvironment() {
        // This JVM is Surefire's, not a strict child: train anyway (the guard warns once), as strict mode's policy.
        Determinism.useConfiguration(ReproducibilityConfig.builder().requireEnvVars(false).build());
        mark = EstimatorLedger.global().size();
    }

    @AfterEach
    void forgetTheConfiguration() {
        Determinism.useConfiguration(null);
    }

    /** Three classes from a noisy linear score; {@code offset} rows later in the same sequence for validation. */
    private static DMatrix multiclass(long seed) throws XGBoostError {
        Random random = new Random(seed);
        float[] x = new float[ROWS * FEATURES];
        float[] y = new float[ROWS];
        for (int r = 0; r < ROWS; r++) {
            double score = 0;
            for (int c = 0; c < FEATURES; c++) {
                x[r * FEATURES + c] = (float) random.nextGaussian();
                score += (c + 1) * x[r * FEATURES + c] / FEATURES;
            }
            score += 0.5 * random.nextGaussian();
            y[r] = score < -0.5 ? 0 : score < 0.5 ? 1 : 2;
        }
        DMatrix m = new DMatrix(x, ROWS, FEATURES, Float.NaN);
        m.setLabel(y);
        return m;
    }

    private static Map<String, Object> requested() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "multi:softprob");
        params.put("num_class", CLASSES);
        params.put("eval_metric", "mlogloss");
        params.put("max_depth", 4);
        params.put("eta", 0.3);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.8);
        params.put("nthread", 8);
        params.put("device", "cuda");
        return params;
    }

    private LedgerEntry onlyEntry() {
        List<LedgerEntry> entries = EstimatorLedger.global().entriesSince(mark);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void earlyStoppingTrainingGetsTheStrictPolicyAndTheLedgerRecordsItWithTheModelDigest() throws XGBoostError {
        DMatrix train = multiclass(1);
        DMatrix valid = multiclass(2);
        Map<String, Object> params = requested();
        Map<String, Object> before = new LinkedHashMap<>(params);
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put("train", train);
        watches.put("valid", valid);
        float[][] metrics = new float[watches.size()][200];
        try {
            Booster booster = DeterministicXGBoost.train(train, params, 200, watches, metrics, null, null, 5, 1234);

            assertThat(params).as("the caller's map is left alone").isEqualTo(before);
            LedgerEntry entry = onlyEntry();
            assertThat(entry.entryPoint()).isEqualTo(LedgerEntry.EntryPoint.XGBOOST_TRAIN);
            assertThat(entry.kind()).isNull();
            assertThat(entry.seed()).isEqualTo(1234);
            assertThat(entry.requestedParams()).containsEntry("nthread", 8).containsEntry("device", "cuda");
            assertThat(entry.effectiveParams()).containsEntry("nthread", 1).containsEntry("device", "cpu")
                    .containsEntry("tree_method", "hist").containsEntry("seed", 1234)
                    .containsEntry("seed_per_iteration", true).containsEntry("num_round", 200)
                    .containsEntry("objective", "multi:softprob");
            assertThat(entry.rewrites()).anyMatch(r -> r.key().equals("device") && r.warning());
            assertThat(entry.callSite()).startsWith(DeterministicXGBoostIT.class.getName() + ".");
            assertThat(entry.model().modelSha256()).isEqualTo(Sha256.hex(booster.toByteArray("ubj")));
            assertThat(entry.missingModel()).isNull();
            assertThat(booster.getAttr("best_iteration")).as("early stopping recorded its best round").isNotNull();
            assertThat(Integer.parseInt(booster.getAttr("best_iteration"))).isLessThan(199);
            float[][] predictions = booster.predict(valid);
            assertThat(predictions.length).isEqualTo(ROWS);
            assertThat(predictions[0]).hasSize(CLASSES);
            booster.dispose();
        } finally {
            train.dispose();
            valid.dispose();
        }
    }

    @Test
    void theBoosterIsExactlyWhatXGBoostTrainTrainsWithTheEffectiveParameters() throws XGBoostError {
        DMatrix train = multiclass(3);
        try {
            Booster ours = DeterministicXGBoost.train(train, requested(), 15, Map.of(), null, null, 99);
            Map<String, Object> effective = new HashMap<>(onlyEntry().effectiveParams());
            effective.remove("num_round");
            Booster direct = XGBoost.train(train, effective, 15, Map.of(), null, null);

            assertThat(ours.toByteArray("ubj")).isEqualTo(direct.toByteArray("ubj"));
            assertThat(ours.predict(train)).isDeepEqualTo(direct.predict(train));
            ours.dispose();
            direct.dispose();
        } finally {
            train.dispose();
        }
    }

    @Test
    void theSeedDecidesTheModel() throws XGBoostError {
        DMatrix train = multiclass(4);
        try {
            Booster a = DeterministicXGBoost.train(train, requested(), 10, Map.of(), null, null, 7);
            Booster b = DeterministicXGBoost.train(train, requested(), 10, Map.of(), null, null, 7);
            Booster c = DeterministicXGBoost.train(train, requested(), 10, Map.of(), null, null, 8);

            List<LedgerEntry> entries = EstimatorLedger.global().entriesSince(mark);
            assertThat(entries.get(1).model().modelSha256()).isEqualTo(entries.get(0).model().modelSha256());
            assertThat(entries.get(2).model().modelSha256()).as("subsampling follows the seed")
                    .isNotEqualTo(entries.get(0).model().modelSha256());
            a.dispose();
            b.dispose();
            c.dispose();
        } finally {
            train.dispose();
        }
    }

    @Test
    void theRoundsArgumentTrainsAndIsWhatTheLedgerRecords() throws XGBoostError {
        DMatrix train = multiclass(5);
        Map<String, Object> params = requested();
        params.put("n_estimators", 500); // XGBoost.train never reads a round count from its map
        try {
            Booster booster = DeterministicXGBoost.train(train, params, 4, Map.of(), null, null, 3);

            assertThat(onlyEntry().effectiveParams()).containsEntry("num_round", 4).doesNotContainKey("n_estimators");
            assertThat(booster.getNumBoostedRound()).isEqualTo(4);
            booster.dispose();
        } finally {
            train.dispose();
        }
    }

    @Test
    void continuedTrainingAddsRoundsToTheGivenBooster() throws XGBoostError {
        DMatrix train = multiclass(6);
        try {
            Booster first = DeterministicXGBoost.train(train, requested(), 3, Map.of(), null, null, 11);
            String afterThree = Sha256.hex(first.toByteArray("ubj"));
            Booster more = DeterministicXGBoost.train(train, requested(), 2, Map.of(), new float[0][2], null, null, 0,
                    first, 11);

            assertThat(more.getNumBoostedRound()).isEqualTo(5);
            assertThat(EstimatorLedger.global().entriesSince(mark).get(1).model().modelSha256())
                    .isEqualTo(Sha256.hex(more.toByteArray("ubj"))).isNotEqualTo(afterThree);
            more.dispose();
        } finally {
            train.dispose();
        }
    }

    @Test
    void strictModeConfiguredToFailOnGpuRequestsRefusesBeforeTraining() throws XGBoostError {
        Determinism.useConfiguration(ReproducibilityConfig.builder().requireEnvVars(false)
                .gpuRequestPolicy(ReproducibilityConfig.GpuRequestPolicy.FAIL).build());
        DMatrix train = multiclass(7);
        try {
            assertThatThrownBy(() -> DeterministicXGBoost.train(train, requested(), 3, Map.of(), null, null, 1))
                    .isInstanceOf(Repro4jException.class).hasMessageContaining("device=cuda");
            assertThat(EstimatorLedger.global().entriesSince(mark)).isEmpty();
        } finally {
            train.dispose();
        }
    }

    @Test
    void theEnvironmentRecordsTheXGBoostVersionOnTheClassPath() {
        assertThat(NativeLibraries.libraryVersions())
                .containsEntry("xgboost4j", System.getProperty("repro4j.expectedXgboostVersion", "3.4.0"));
    }
}
