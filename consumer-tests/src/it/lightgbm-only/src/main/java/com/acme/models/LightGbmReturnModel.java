package com.acme.models;

import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterCreate;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterPredictForMat;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterSaveModelToStringSWIG;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterUpdateOneIter;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetCreateFromMat;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetSetField;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_GetLastError;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Library;
import io.repro4j.harness.NativeTraining;
import java.util.Map;
import java.util.Random;

/**
 * The consumer's production code, written against LightGBM's raw SWIG binding. Determinism.nativeTraining gives it
 * the parameters to train with (and loads LightGBM's natives); it records the trained model's text on the result.
 */
public final class LightGbmReturnModel {
    static final int ROWS = 500;
    static final int FEATURES = 5;
    static final int ROUNDS = 25;

    private LightGbmReturnModel() {
    }

    /** Trains a return model with {@code seed} and returns its predictions on the training rows. */
    public static double[] trainAndPredict(long seed) {
        return trainAndPredict(seed, true);
    }

    /** The same, but the team forgot to record the model: repro4j must refuse to call such a run comparable. */
    public static double[] trainAndPredictWithoutRecordingTheModel(long seed) {
        return trainAndPredict(seed, false);
    }

    private static double[] trainAndPredict(long seed, boolean recordModel) {
        NativeTraining training = Determinism.nativeTraining(Library.LIGHTGBM, Map.of("objective", "regression",
                "num_leaves", 15, "learning_rate", 0.1, "bagging_fraction", 0.7, "bagging_freq", 1,
                "min_data_in_leaf", 20, "num_threads", 4), seed);
        String params = training.paramString();
        double[] x = new double[ROWS * FEATURES];
        float[] y = new float[ROWS];
        Random random = new Random(5);
        for (int r = 0; r < ROWS; r++) {
            double target = 0;
            for (int c = 0; c < FEATURES; c++) {
                x[r * FEATURES + c] = random.nextGaussian();
                target += Math.sin(c + x[r * FEATURES + c]);
            }
            y[r] = (float) (target + 0.3 * random.nextGaussian());
        }
        SWIGTYPE_p_double features = lightgbmlib.new_doubleArray(x.length);
        SWIGTYPE_p_float labels = lightgbmlib.new_floatArray(ROWS);
        SWIGTYPE_p_double output = lightgbmlib.new_doubleArray(ROWS);
        SWIGTYPE_p_p_void handle = lightgbmlib.new_voidpp();
        SWIGTYPE_p_int finished = lightgbmlib.new_intp();
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        SWIGTYPE_p_void dataset = null;
        SWIGTYPE_p_void booster = null;
        try {
            for (int i = 0; i < x.length; i++) {
                lightgbmlib.doubleArray_setitem(features, i, x[i]);
            }
            for (int r = 0; r < ROWS; r++) {
                lightgbmlib.floatArray_setitem(labels, r, y[r]);
            }
            ok(LGBM_DatasetCreateFromMat(lightgbmlib.double_to_voidp_ptr(features),
                    lightgbmlibConstants.C_API_DTYPE_FLOAT64, ROWS, FEATURES, 1, params, null, handle));
            dataset = lightgbmlib.voidpp_value(handle);
            ok(LGBM_DatasetSetField(dataset, "label", lightgbmlib.float_to_voidp_ptr(labels), ROWS,
                    lightgbmlibConstants.C_API_DTYPE_FLOAT32));
            ok(LGBM_BoosterCreate(dataset, params, handle));
            booster = lightgbmlib.voidpp_value(handle);
            for (int round = 0; round < ROUNDS; round++) {
                ok(LGBM_BoosterUpdateOneIter(booster, finished));
            }
            if (recordModel) {
                training.recordLightGbmModel(LGBM_BoosterSaveModelToStringSWIG(booster, 0, -1,
                        lightgbmlibConstants.C_API_FEATURE_IMPORTANCE_SPLIT, 1 << 20, length));
            }
            ok(LGBM_BoosterPredictForMat(booster, lightgbmlib.double_to_voidp_ptr(features),
                    lightgbmlibConstants.C_API_DTYPE_FLOAT64, ROWS, FEATURES, 1,
                    lightgbmlibConstants.C_API_PREDICT_NORMAL, 0, -1, "num_threads=1", length, output));
            double[] predictions = new double[ROWS];
            for (int r = 0; r < ROWS; r++) {
                predictions[r] = lightgbmlib.doubleArray_getitem(output, r);
            }
            return predictions;
        } finally {
            if (booster != null) {
                LGBM_BoosterFree(booster);
            }
            if (dataset != null) {
                LGBM_DatasetFree(dataset);
            }
            lightgbmlib.delete_int64_tp(length);
            lightgbmlib.delete_intp(finished);
            lightgbmlib.delete_voidpp(handle);
            lightgbmlib.delete_doubleArray(output);
            lightgbmlib.delete_floatArray(labels);
            lightgbmlib.delete_doubleArray(features);
        }
    }

    private static void ok(int rc) {
        if (rc != 0) {
            throw new IllegalStateException("LightGBM failed: " + LGBM_GetLastError());
        }
    }
}
