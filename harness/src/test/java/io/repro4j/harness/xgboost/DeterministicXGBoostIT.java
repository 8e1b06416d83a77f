package io.repro4j.harness.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Library;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.estimator.NativeLibraries;
import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.testkit.InJvmStrictMode;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trains real XGBoost4J models in this JVM through {@link DeterministicXGBoost}: what it gives the library, what the
 * ledger records, and that the booster is exactly what {@code XGBoost.train} trains with those parameters. Runs against
 * every XGBoost4J version the build tests (the {@code xgboost-2.1.4} execution swaps the jar).
 */
class DeterministicXGBoostIT {
    private static final int ROWS = 600;
    private static final int FEATURES = 5;
    private static final int CLASSES = 3;

    @RegisterExtension
    final InJvmStrictMode strict = new InJvmStrictMode();

    private final List<DMatrix> matrices = new ArrayList<>();
    private final List<Booster> boosters = new ArrayList<>();

    @AfterEach
    void freeNativeMemory() {
        boosters.forEach(Booster::dispose);
        matrices.forEach(DMatrix::dispose);
    }

    private Booster kept(Booster booster) {
        boosters.add(booster);
        return booster;
    }

    /** Three classes from a noisy linear score, rows drawn from {@code seed}. */
    private DMatrix multiclass(long seed) throws XGBoostError {
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
        matrices.add(m);
        m.setLabel(y);
        return m;
    }

    /** Asks for 8 threads and a GPU, as code written for a workstation does. */
    private static Map<String, Object> requested() {
        return new LinkedHashMap<>(Map.of("objective", "multi:softprob", "num_class", CLASSES, "eval_metric", "mlogloss",
                "max_depth", 4, "eta", 0.3, "subsample", 0.8, "colsample_bytree", 0.8, "nthread", 8, "device", "cuda"));
    }

    private LedgerEntry onlyEntry() {
        List<LedgerEntry> entries = strict.entries();
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
        Booster booster = kept(DeterministicXGBoost.train(train, params, 200, watches, metrics, null, null, 5, 1234));

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
    }

    @Test
    void theBoosterIsExactlyWhatXGBoostTrainTrainsWithTheEffectiveParameters() throws XGBoostError {
        DMatrix train = multiclass(3);
        Booster ours = kept(DeterministicXGBoost.train(train, requested(), 15, Map.of(), null, null, 99));
        Map<String, Object> effective = new HashMap<>(onlyEntry().effectiveParams());
        effective.remove("num_round");
        Booster direct = kept(XGBoost.train(train, effective, 15, Map.of(), null, null));

        assertThat(ours.toByteArray("ubj")).isEqualTo(direct.toByteArray("ubj"));
        assertThat(ours.predict(train)).isDeepEqualTo(direct.predict(train));
    }

    @Test
    void theSeedDecidesTheModel() throws XGBoostError {
        DMatrix train = multiclass(4);
        for (long seed : new long[] {7, 7, 8}) {
            kept(DeterministicXGBoost.train(train, requested(), 10, Map.of(), null, null, seed));
        }

        List<LedgerEntry> entries = strict.entries();
        assertThat(entries.get(1).model().modelSha256()).isEqualTo(entries.get(0).model().modelSha256());
        assertThat(entries.get(2).model().modelSha256()).as("subsampling follows the seed")
                .isNotEqualTo(entries.get(0).model().modelSha256());
    }

    @Test
    void theRoundsArgumentTrainsAndIsWhatTheLedgerRecords() throws XGBoostError {
        Map<String, Object> params = requested();
        params.put("n_estimators", 500); // XGBoost.train never reads a round count from its map
        Booster booster = kept(DeterministicXGBoost.train(multiclass(5), params, 4, Map.of(), null, null, 3));

        assertThat(onlyEntry().effectiveParams()).containsEntry("num_round", 4).doesNotContainKey("n_estimators");
        assertThat(booster.getNumBoostedRound()).isEqualTo(4);
    }

    @Test
    void continuedTrainingAddsRoundsToTheGivenBooster() throws XGBoostError {
        DMatrix train = multiclass(6);
        Booster first = DeterministicXGBoost.train(train, requested(), 3, Map.of(), null, null, 11);
        String afterThree = Sha256.hex(first.toByteArray("ubj"));
        Booster more = kept(DeterministicXGBoost.train(train, requested(), 2, Map.of(), new float[0][2], null, null, 0,
                first, 11));

        assertThat(more.getNumBoostedRound()).isEqualTo(5);
        assertThat(strict.entries().get(1).model().modelSha256()).isEqualTo(Sha256.hex(more.toByteArray("ubj")))
                .isNotEqualTo(afterThree);
    }

    @Test
    void strictModeConfiguredToFailOnGpuRequestsRefusesBeforeTraining() throws XGBoostError {
        strict.use(ReproducibilityConfig.builder().requireEnvVars(false)
                .gpuRequestPolicy(ReproducibilityConfig.GpuRequestPolicy.FAIL).build());
        DMatrix train = multiclass(7);

        assertThatThrownBy(() -> DeterministicXGBoost.train(train, requested(), 3, Map.of(), null, null, 1))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("device=cuda");
        assertThat(strict.entries()).isEmpty();
    }

    @Test
    void theEnvironmentRecordsTheXGBoostVersionOnTheClassPath() {
        assertThat(NativeLibraries.libraryVersions())
                .containsEntry("xgboost4j", System.getProperty("repro4j.expectedXgboostVersion", "3.4.0"));
    }
}
