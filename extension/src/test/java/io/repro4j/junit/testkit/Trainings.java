package io.repro4j.junit.testkit;

import io.repro4j.harness.testkit.SyntheticData;
import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.junit.TrainingRun;
import java.util.LinkedHashMap;
import java.util.Map;

/** The trainings the fixtures share: small, with row and feature sampling on, so that seeds really matter. */
public final class Trainings {

    private Trainings() {
    }

    /** XGBoost regression parameters with row and column sampling. */
    public static Map<String, Object> xgboostRegressionParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("num_round", SyntheticData.ROUNDS);
        params.put("max_depth", 4);
        params.put("eta", 0.3);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.5);
        return params;
    }

    /** LightGBM classification parameters with bagging and feature sampling. */
    public static Map<String, Object> lightGbmClassificationParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("num_iterations", SyntheticData.ROUNDS);
        params.put("num_leaves", 15);
        params.put("learning_rate", 0.2);
        params.put("min_data_in_leaf", 10);
        params.put("bagging_fraction", 0.8);
        params.put("bagging_freq", 1);
        params.put("feature_fraction", 0.7);
        return params;
    }

    /** Trains XGBoost regression through the choke point and records dataset, metrics and predictions. */
    public static double[] xgboostRegression(TrainingRun run) {
        SyntheticData data = SyntheticData.regression();
        return fitAndRecord(run, Library.XGBOOST, xgboostRegressionParams(), ProblemKind.REGRESSION, data,
                data.train(), data.test());
    }

    /** Trains LightGBM binary classification through the choke point and records everything. */
    public static double[] lightGbmClassification(TrainingRun run) {
        SyntheticData data = SyntheticData.classification();
        run.recordDataset(SyntheticData.DATA_DIR, SyntheticData.SYMBOLS, data.train());
        double[] probabilities = fit(run, Library.LIGHTGBM, lightGbmClassificationParams(),
                ProblemKind.CLASSIFICATION, data.train(), data.test());
        run.recordMetrics(Map.of("accuracy", data.accuracy(probabilities), "log_loss", data.logLoss(probabilities)));
        run.recordPredictions(probabilities);
        return probabilities;
    }

    /**
     * Records the canonical dataset, trains on {@code train} (which may be a rearrangement of it) and records the
     * held-out RMSE and predictions.
     */
    public static double[] fitAndRecord(TrainingRun run, Library library, Map<String, ?> params, ProblemKind kind,
            SyntheticData data, Dataset train, Dataset test) {
        run.recordDataset(SyntheticData.DATA_DIR, SyntheticData.SYMBOLS, data.train());
        double[] predictions = fit(run, library, params, kind, train, test);
        run.recordMetrics(Map.of("rmse", data.rmse(predictions)));
        run.recordPredictions(predictions);
        return predictions;
    }

    /** Trains through {@link TrainingRun#createEstimator} and predicts {@code test}. */
    public static double[] fit(TrainingRun run, Library library, Map<String, ?> params, ProblemKind kind,
            Dataset train, Dataset test) {
        try (Estimator model = run.createEstimator(library, params, kind)) {
            model.fit(train);
            return model.predict(test);
        }
    }
}
