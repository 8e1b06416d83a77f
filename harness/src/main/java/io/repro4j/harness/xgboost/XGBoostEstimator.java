package io.repro4j.harness.xgboost;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.estimator.NativeEstimator;
import io.repro4j.harness.estimator.ParamAliases;
import io.repro4j.harness.fingerprint.Sha256;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apiguardian.api.API;

/**
 * An {@link io.repro4j.harness.Estimator} backed by XGBoost4J's Java API. The model hash covers {@code toByteArray("json")}, which holds
 * the trees and the learner but not run-only settings such as {@code nthread}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class XGBoostEstimator extends NativeEstimator {
    private final Map<String, Object> boosterParams;

    private Booster booster;

    /**
     * @param effectiveParams the policy's parameters, including {@code num_round}
     * @param rounds the number of boosting rounds
     * @param kind what the model learns
     */
    public XGBoostEstimator(Map<String, Object> effectiveParams, int rounds, ProblemKind kind) {
        super(Library.XGBOOST, effectiveParams, rounds, kind);
        this.boosterParams = Collections.unmodifiableMap(boosterParams(effectiveParams));
    }

    /**
     * The policy's parameters without the round count, which is an argument of train, not a booster parameter (XGBoost
     * would warn that it is unused); a fresh, modifiable map.
     */
    static Map<String, Object> boosterParams(Map<String, Object> effectiveParams) {
        Map<String, Object> out = new HashMap<>(effectiveParams);
        out.remove(ParamAliases.XGBOOST_ROUNDS);
        return out;
    }

    @Override
    public synchronized void fit(Dataset data) {
        startFit(data);
        DMatrix train = matrix(data, true);
        try {
            booster = XGBoost.train(train, new HashMap<>(boosterParams), rounds(), new HashMap<>(), null, null);
            trained(data.featureNames(), Sha256.hex(booster.toByteArray("json")),
                    importances(booster, data.featureNames()));
        } catch (XGBoostError e) {
            discardModel();
            throw new Repro4jException("XGBoost training failed with parameters " + effectiveParams() + ": "
                    + e.getMessage(), e);
        } finally {
            train.dispose();
        }
    }

    @Override
    public synchronized double[] predict(Dataset data) {
        checkTrained("predict");
        Objects.requireNonNull(data, "data");
        checkColumns(data);
        if (data.rows() == 0) {
            return new double[0];
        }
        DMatrix matrix = matrix(data, false);
        try {
            float[][] raw = booster.predict(matrix);
            double[] out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                if (raw[i].length != 1) {
                    throw new Repro4jException("XGBoost returned " + raw[i].length + " values per row; repro4j supports"
                            + " regression and binary classification (one value per row), objective was "
                            + effectiveParams().get("objective"));
                }
                out[i] = raw[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new Repro4jException("XGBoost prediction failed: " + e.getMessage(), e);
        } finally {
            matrix.dispose();
        }
    }

    @Override
    protected boolean hasModel() {
        return booster != null;
    }

    @Override
    protected void freeModel() {
        if (booster != null) {
            booster.dispose();
            booster = null;
        }
    }

    private static DMatrix matrix(Dataset data, boolean withLabels) {
        int rows = data.rows();
        int cols = data.columns();
        float[] values = new float[rows * cols];
        double[] rowMajor = data.toRowMajor();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rowMajor[i];
        }
        try {
            DMatrix m = new DMatrix(values, rows, cols, Float.NaN);
            if (withLabels) {
                float[] labels = new float[rows];
                for (int r = 0; r < rows; r++) {
                    labels[r] = (float) data.label(r);
                }
                try {
                    m.setLabel(labels);
                } catch (XGBoostError e) {
                    m.dispose();
                    throw e;
                }
            }
            return m;
        } catch (XGBoostError e) {
            throw new Repro4jException("XGBoost could not build a DMatrix of " + rows + " x " + cols + ": "
                    + e.getMessage(), e);
        }
    }

    /** Gain per dataset column; XGBoost names columns f0, f1, … and omits those no split used. */
    private static Map<String, Double> importances(Booster booster, List<String> names) throws XGBoostError {
        Map<String, Double> scores = booster.getScore((String) null, "gain");
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Double score = scores.get("f" + i);
            out.put(names.get(i), score == null ? 0.0 : score);
        }
        return Collections.unmodifiableMap(out);
    }

}
