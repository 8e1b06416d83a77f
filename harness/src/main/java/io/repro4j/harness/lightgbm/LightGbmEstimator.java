package io.repro4j.harness.lightgbm;

import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterCreate;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterFeatureImportance;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterPredictForMat;
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
import static com.microsoft.ml.lightgbm.lightgbmlib.doubleArray_getitem;
import static com.microsoft.ml.lightgbm.lightgbmlib.doubleArray_setitem;
import static com.microsoft.ml.lightgbm.lightgbmlib.double_to_voidp_ptr;
import static com.microsoft.ml.lightgbm.lightgbmlib.floatArray_setitem;
import static com.microsoft.ml.lightgbm.lightgbmlib.float_to_voidp_ptr;
import static com.microsoft.ml.lightgbm.lightgbmlib.int64_tp_value;
import static com.microsoft.ml.lightgbm.lightgbmlib.intp_value;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_doubleArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_floatArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_int64_tp;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_intp;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_voidpp;
import static com.microsoft.ml.lightgbm.lightgbmlib.voidpp_value;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import io.repro4j.harness.Dataset;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.estimator.NativeEstimator;
import io.repro4j.harness.estimator.NativeLibraries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An {@link io.repro4j.harness.Estimator} backed by LightGBM's C API through its official SWIG binding. Runs one
 * {@code LGBM_BoosterUpdateOneIter} per round (the C API does not loop), and hashes the model text as
 * {@link LightGbmModelText#sha256(String)} does.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LightGbmEstimator extends NativeEstimator {
    /** Initial buffer for the model text; the SWIG wrapper retries with the exact size when it is too small. */
    private static final long MODEL_BUFFER = 1L << 20;

    private final String paramString;
    private final String predictParams;

    private SWIGTYPE_p_void booster;

    /**
     * @param effectiveParams the policy's parameters, including {@code num_iterations}
     * @param rounds the number of boosting rounds
     * @param kind what the model learns
     * @throws Repro4jException when a value cannot be written as LightGBM's {@code key=value} text, or the native
     *     libraries cannot be loaded
     */
    public LightGbmEstimator(Map<String, Object> effectiveParams, int rounds, ProblemKind kind) {
        super(Library.LIGHTGBM, effectiveParams, rounds, kind);
        this.paramString = LightGbmParams.paramString(effectiveParams);
        Object threads = effectiveParams().get("num_threads");
        this.predictParams = threads == null ? "" : LightGbmParams.paramString(Map.of("num_threads", threads));
        NativeLibraries.loadLightGbm();
    }

    @Override
    public synchronized void fit(Dataset data) {
        startFit(data);
        int rows = data.rows();
        int cols = data.columns();
        SWIGTYPE_p_double values = nativeValues(data);
        SWIGTYPE_p_float labels = new_floatArray(rows);
        SWIGTYPE_p_p_void datasetOut = new_voidpp();
        SWIGTYPE_p_p_void boosterOut = new_voidpp();
        SWIGTYPE_p_int finished = new_intp();
        SWIGTYPE_p_void dataset = null;
        SWIGTYPE_p_void trained = null;
        try {
            check(LGBM_DatasetCreateFromMat(double_to_voidp_ptr(values), lightgbmlibConstants.C_API_DTYPE_FLOAT64,
                    rows, cols, 1, paramString, null, datasetOut), "LGBM_DatasetCreateFromMat");
            dataset = voidpp_value(datasetOut);
            for (int r = 0; r < rows; r++) {
                floatArray_setitem(labels, r, (float) data.label(r));
            }
            check(LGBM_DatasetSetField(dataset, "label", float_to_voidp_ptr(labels), rows,
                    lightgbmlibConstants.C_API_DTYPE_FLOAT32), "LGBM_DatasetSetField(label)");
            check(LGBM_BoosterCreate(dataset, paramString, boosterOut), "LGBM_BoosterCreate");
            trained = voidpp_value(boosterOut);
            for (int i = 0; i < rounds(); i++) {
                check(LGBM_BoosterUpdateOneIter(trained, finished), "LGBM_BoosterUpdateOneIter");
                if (intp_value(finished) == 1) {
                    break; // no split can improve the model any more, as lgb.train stops too
                }
            }
            trained(data.featureNames(), LightGbmModelText.sha256(modelText(trained)),
                    importances(trained, data.featureNames()));
            booster = trained;
            trained = null;
        } finally {
            if (trained != null) {
                LGBM_BoosterFree(trained);
            }
            // The booster keeps what it needs for prediction; the training dataset can go.
            if (dataset != null) {
                LGBM_DatasetFree(dataset);
            }
            delete_intp(finished);
            delete_voidpp(boosterOut);
            delete_voidpp(datasetOut);
            delete_floatArray(labels);
            delete_doubleArray(values);
        }
    }

    @Override
    public synchronized double[] predict(Dataset data) {
        checkTrained("predict");
        Objects.requireNonNull(data, "data");
        checkColumns(data);
        int rows = data.rows();
        if (rows == 0) {
            return new double[0];
        }
        SWIGTYPE_p_double values = nativeValues(data);
        SWIGTYPE_p_double result = new_doubleArray(rows);
        SWIGTYPE_p_long_long length = new_int64_tp();
        try {
            check(LGBM_BoosterPredictForMat(booster, double_to_voidp_ptr(values),
                    lightgbmlibConstants.C_API_DTYPE_FLOAT64, rows, data.columns(), 1,
                    lightgbmlibConstants.C_API_PREDICT_NORMAL, 0, -1, predictParams, length, result),
                    "LGBM_BoosterPredictForMat");
            long n = int64_tp_value(length);
            if (n != rows) {
                throw new Repro4jException("LightGBM returned " + n + " values for " + rows + " rows; repro4j supports"
                        + " regression and binary classification (one value per row), objective was "
                        + effectiveParams().get("objective"));
            }
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = doubleArray_getitem(result, i);
            }
            return out;
        } finally {
            delete_int64_tp(length);
            delete_doubleArray(result);
            delete_doubleArray(values);
        }
    }

    /** The full model text, parameters included (for diagnosis; {@link #modelSha256()} hashes only the trees). */
    public synchronized String modelText() {
        checkTrained("modelText");
        return modelText(booster);
    }

    @Override
    protected boolean hasModel() {
        return booster != null;
    }

    @Override
    protected void freeModel() {
        if (booster != null) {
            SWIGTYPE_p_void b = booster;
            booster = null;
            check(LGBM_BoosterFree(b), "LGBM_BoosterFree");
        }
    }

    private static String modelText(SWIGTYPE_p_void booster) {
        SWIGTYPE_p_long_long length = new_int64_tp();
        try {
            String text = LGBM_BoosterSaveModelToStringSWIG(booster, 0, -1,
                    lightgbmlibConstants.C_API_FEATURE_IMPORTANCE_SPLIT, MODEL_BUFFER, length);
            if (text == null) {
                throw new Repro4jException("LGBM_BoosterSaveModelToString failed: " + LGBM_GetLastError());
            }
            return text;
        } finally {
            delete_int64_tp(length);
        }
    }

    private static Map<String, Double> importances(SWIGTYPE_p_void booster, List<String> names) {
        SWIGTYPE_p_double gains = new_doubleArray(names.size());
        try {
            check(LGBM_BoosterFeatureImportance(booster, 0, lightgbmlibConstants.C_API_FEATURE_IMPORTANCE_GAIN, gains),
                    "LGBM_BoosterFeatureImportance");
            Map<String, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), doubleArray_getitem(gains, i));
            }
            return Collections.unmodifiableMap(out);
        } finally {
            delete_doubleArray(gains);
        }
    }

    private static SWIGTYPE_p_double nativeValues(Dataset data) {
        double[] rowMajor = data.toRowMajor();
        SWIGTYPE_p_double values = new_doubleArray(rowMajor.length);
        for (int i = 0; i < rowMajor.length; i++) {
            doubleArray_setitem(values, i, rowMajor[i]);
        }
        return values;
    }

    private static void check(int rc, String call) {
        if (rc != 0) {
            throw new Repro4jException(call + " failed (return code " + rc + "): " + LGBM_GetLastError());
        }
    }

}
