package com.acme.models;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Production code of the consumer: trains through the choke point, as the README shows. */
public final class ReturnModel {

    private ReturnModel() {
    }

    /** A fixed synthetic training set: 400 rows, 5 features, a noisy non-linear target. */
    public static Dataset trainingData() {
        Random random = new Random(7);
        double[][] x = new double[400][5];
        double[] y = new double[400];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < 5; c++) {
                x[r][c] = random.nextGaussian();
            }
            y[r] = x[r][0] - 0.5 * x[r][1] * x[r][2] + Math.sin(x[r][3]) + 0.2 * random.nextGaussian();
        }
        return Dataset.of(x, y, List.of("ret_1", "rsi_14", "volume_ratio", "spread", "momentum"));
    }

    /** Trains with {@code seed} and returns the predictions on the training data. */
    public static double[] trainAndPredict(Dataset data, long seed) {
        try (Estimator model = Determinism.createEstimator(Library.XGBOOST,
                Map.of("max_depth", 4, "n_estimators", 30, "subsample", 0.8, "colsample_bytree", 0.7), seed,
                ProblemKind.REGRESSION)) {
            model.fit(data);
            return model.predict(data);
        }
    }
}
