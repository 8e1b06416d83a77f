package io.repro4j.harness;

import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterCreate;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterSaveModelToStringSWIG;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterUpdateOneIter;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetCreateFromMat;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetSetField;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_GetLastError;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_doubleArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_floatArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_int64_tp;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_intp;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_voidpp;
import static com.microsoft.ml.lightgbm.lightgbmlib.doubleArray_setitem;
import static com.microsoft.ml.lightgbm.lightgbmlib.double_to_voidp_ptr;
import static com.microsoft.ml.lightgbm.lightgbmlib.floatArray_setitem;
import static com.microsoft.ml.lightgbm.lightgbmlib.float_to_voidp_ptr;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_doubleArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_floatArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_int64_tp;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_intp;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_voidpp;
import static com.microsoft.ml.lightgbm.lightgbmlib.voidpp_value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.testkit.InJvmStrictMode;
import io.repro4j.harness.testkit.SyntheticData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Determinism#nativeTraining} feeding raw {@code lightgbmlib} calls in this JVM. */
class NativeTrainingIT {

    @RegisterExtension
    final InJvmStrictMode strict = new InJvmStrictMode();

    private static Map<String, Object> lightGbmParams() {
        return Map.of("objective", "regression", "num_iterations", 15, "num_leaves", 15, "bagging_fraction", 0.8,
                "bagging_freq", 1, "min_data_in_leaf", 10, "num_threads", 4);
    }

    /** What a team's own LightGBM code does: dataset, booster, one update per round, the model text. */
    static String trainWithLightGbmlib(Dataset data, String params, int rounds) {
        int rows = data.rows();
        int cols = data.columns();
        double[] rowMajor = data.toRowMajor();
        SWIGTYPE_p_double values = new_doubleArray(rowMajor.length);
        SWIGTYPE_p_float labels = new_floatArray(rows);
        SWIGTYPE_p_p_void datasetOut = new_voidpp();
        SWIGTYPE_p_p_void boosterOut = new_voidpp();
        SWIGTYPE_p_int finished = new_intp();
        SWIGTYPE_p_long_long length = new_int64_tp();
        SWIGTYPE_p_void dataset = null;
        SWIGTYPE_p_void booster = null;
        try {
            for (int i = 0; i < rowMajor.length; i++) {
                doubleArray_setitem(values, i, rowMajor[i]);
            }
            check(LGBM_DatasetCreateFromMat(double_to_voidp_ptr(values), lightgbmlibConstants.C_API_DTYPE_FLOAT64,
                    rows, cols, 1, params, null, datasetOut));
            dataset = voidpp_value(datasetOut);
            for (int r = 0; r < rows; r++) {
                floatArray_setitem(labels, r, (float) data.label(r));
            }
            check(LGBM_DatasetSetField(dataset, "label", float_to_voidp_ptr(labels), rows,
                    lightgbmlibConstants.C_API_DTYPE_FLOAT32));
            check(LGBM_BoosterCreate(dataset, params, boosterOut));
            booster = voidpp_value(boosterOut);
            for (int i = 0; i < rounds; i++) {
                check(LGBM_BoosterUpdateOneIter(booster, finished));
            }
            return LGBM_BoosterSaveModelToStringSWIG(booster, 0, -1,
                    lightgbmlibConstants.C_API_FEATURE_IMPORTANCE_SPLIT, 1 << 20, length);
        } finally {
            if (booster != null) {
                LGBM_BoosterFree(booster);
            }
            if (dataset != null) {
                LGBM_DatasetFree(dataset);
            }
            delete_int64_tp(length);
            delete_intp(finished);
            delete_voidpp(boosterOut);
            delete_voidpp(datasetOut);
            delete_floatArray(labels);
            delete_doubleArray(values);
        }
    }

    private static void check(int rc) {
        assertThat(rc).as("LightGBM: %s", rc == 0 ? "" : LGBM_GetLastError()).isZero();
    }

    private LedgerEntry onlyEntry() {
        List<LedgerEntry> entries = strict.entries();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void theParamStringCarriesTheStrictPolicyIncludingTheDatasetSeeds() {
        NativeTraining training = Determinism.nativeTraining(Library.LIGHTGBM, lightGbmParams(), 42);

        assertThat(training.params()).containsEntry("num_threads", 1).containsEntry("device_type", "cpu")
                .containsEntry("seed", 42).containsEntry("data_random_seed", 45).containsEntry("deterministic", true)
                .containsEntry("force_row_wise", true).containsEntry("num_iterations", 15);
        assertThat(training.paramString().split(" ")).contains("num_threads=1", "seed=42", "data_random_seed=45",
                "bagging_seed=44", "feature_fraction_seed=43", "force_row_wise=true", "deterministic=true",
                "verbosity=-1", "num_iterations=15", "objective=regression");
        LedgerEntry entry = onlyEntry();
        assertThat(entry.entryPoint()).isEqualTo(LedgerEntry.EntryPoint.NATIVE_TRAINING);
        assertThat(entry.requestedParams()).containsEntry("num_threads", 4);
        assertThat(entry.missingModel()).contains("Determinism.nativeTraining(LIGHTGBM, …) at "
                + NativeTrainingIT.class.getName() + ".").contains("never recorded").contains("recordLightGbmModel");
    }

    @Test
    void aRecordedLightGbmModelTextIsHashedExactlyAsTheLightGbmEstimatorHashesItsOwn() {
        Dataset data = SyntheticData.of(ProblemKind.REGRESSION);
        NativeTraining training = Determinism.nativeTraining(Library.LIGHTGBM, lightGbmParams(), 42);
        String modelText = trainWithLightGbmlib(data, training.paramString(), 15);
        training.recordLightGbmModel(modelText);

        String estimatorDigest;
        try (Estimator estimator = Determinism.createEstimator(Library.LIGHTGBM, lightGbmParams(), 42,
                ProblemKind.REGRESSION)) {
            estimator.fit(data);
            estimatorDigest = estimator.modelSha256();
        }
        assertThat(training.modelSha256()).isEqualTo(estimatorDigest);
        assertThat(onlyEntryOf(0).model().modelSha256()).isEqualTo(estimatorDigest);
        assertThat(onlyEntryOf(0).missingModel()).isNull();
        assertThat(training.modelSha256()).as("only the trees count, not the parameters after them")
                .isNotEqualTo(Sha256.hex(modelText.getBytes(StandardCharsets.UTF_8)));
    }

    private LedgerEntry onlyEntryOf(int index) {
        return strict.entries().get(index);
    }

    @Test
    void rawLightGbmTrainingWithTheseParametersIsRepeatableAndFollowsTheSeed() {
        Dataset data = SyntheticData.of(ProblemKind.REGRESSION);
        String a = trainWithLightGbmlib(data, Determinism.nativeTraining(Library.LIGHTGBM, lightGbmParams(), 42)
                .paramString(), 15);
        String b = trainWithLightGbmlib(data, Determinism.nativeTraining(Library.LIGHTGBM, lightGbmParams(), 42)
                .paramString(), 15);
        String c = trainWithLightGbmlib(data, Determinism.nativeTraining(Library.LIGHTGBM, lightGbmParams(), 43)
                .paramString(), 15);

        assertThat(a).isEqualTo(b);
        assertThat(c).as("bagging follows the derived seeds").isNotEqualTo(a);
    }

    @Test
    void recordModelHashesTheGivenBytesAndALaterRecordingReplacesIt() {
        NativeTraining training = Determinism.nativeTraining(Library.XGBOOST, Map.of("max_depth", 3), 5);
        training.recordModel(new byte[] {1, 2, 3});
        training.recordModel(new byte[] {4, 5});

        assertThat(training.modelSha256()).isEqualTo(Sha256.hex(new byte[] {4, 5}));
        assertThat(training.params()).containsEntry("nthread", 1).containsEntry("seed", 5)
                .doesNotContainKeys("objective", "num_round");
    }

    @Test
    void aTextThatIsNoLightGbmModelIsRefused() {
        NativeTraining training = Determinism.nativeTraining(Library.LIGHTGBM, Map.of(), 5);
        assertThatThrownBy(() -> training.recordLightGbmModel("tree\nTree=0\n"))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("end of trees");
        assertThat(training.modelSha256()).isNull();
    }
}
