package com.acme.models;

import io.repro4j.harness.xgboost.DeterministicXGBoost;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The consumer's production code, written against XGBoost4J's own API: a three-class direction model with a
 * validation watch and early stopping. The only repro4j call is DeterministicXGBoost.train in place of XGBoost.train.
 */
public final class DirectionBooster {
    static final int ROWS = 600;
    static final int FEATURES = 6;
    static final int MAX_ROUNDS = 150;

    private DirectionBooster() {
    }

    /** Trains on the first three quarters of the rows and returns the class probabilities of the last quarter. */
    public static float[][] trainAndPredict(long seed) throws XGBoostError {
        return trainAndPredict(seed, null);
    }

    /**
     * The same, with the rows shuffled by {@code shuffle} before the matrices are built, as a pipeline that shuffles
     * "to be safe" might. With an unseeded generator the model changes from run to run.
     */
    public static float[][] trainAndPredict(long seed, Random shuffle) throws XGBoostError {
        Random random = new Random(11);
        float[][] rows = new float[ROWS][FEATURES];
        float[] labels = new float[ROWS];
        for (int r = 0; r < ROWS; r++) {
            double score = 0;
            for (int c = 0; c < FEATURES; c++) {
                rows[r][c] = (float) random.nextGaussian();
                score += (c % 3 == 0 ? 1.0 : -0.4) * rows[r][c];
            }
            score += 0.5 * random.nextGaussian();
            labels[r] = score < -0.7 ? 0 : score < 0.7 ? 1 : 2;
        }
        if (shuffle != null) {
            for (int i = ROWS - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                float[] row = rows[i];
                rows[i] = rows[j];
                rows[j] = row;
                float label = labels[i];
                labels[i] = labels[j];
                labels[j] = label;
            }
        }
        int cut = ROWS * 3 / 4;
        DMatrix train = matrix(rows, labels, 0, cut);
        DMatrix valid = matrix(rows, labels, cut, ROWS);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "multi:softprob");
        params.put("num_class", 3);
        params.put("eval_metric", "mlogloss");
        params.put("max_depth", 4);
        params.put("eta", 0.2);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.8);
        params.put("nthread", 8);
        params.put("device", "cuda");
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put("train", train);
        watches.put("valid", valid);
        float[][] metrics = new float[watches.size()][MAX_ROUNDS];
        try {
            Booster booster = DeterministicXGBoost.train(train, params, MAX_ROUNDS, watches, metrics, null, null, 8,
                    seed);
            try {
                return booster.predict(valid);
            } finally {
                booster.dispose();
            }
        } finally {
            train.dispose();
            valid.dispose();
        }
    }

    private static DMatrix matrix(float[][] rows, float[] labels, int from, int to) throws XGBoostError {
        float[] values = new float[(to - from) * FEATURES];
        float[] y = new float[to - from];
        for (int r = from; r < to; r++) {
            System.arraycopy(rows[r], 0, values, (r - from) * FEATURES, FEATURES);
            y[r - from] = labels[r];
        }
        DMatrix m = new DMatrix(values, to - from, FEATURES, Float.NaN);
        m.setLabel(y);
        return m;
    }
}
