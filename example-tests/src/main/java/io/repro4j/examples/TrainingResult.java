package io.repro4j.examples;

import java.util.List;
import java.util.Map;

/**
 * What training one model produced.
 *
 * @param task what was trained
 * @param seed the seed the estimator was created with
 * @param frame the training and test rows
 * @param metrics test-period metrics: {@code rmse}, {@code rank_ic} for regression; {@code auc}, {@code log_loss}
 *     for classification; {@code n_train}, {@code n_test} always
 * @param predictions one prediction per test row, in the frame's test order
 * @param featureImportances gain-based importance per feature, in column order
 * @param modelSha256 the trained model's digest
 */
public record TrainingResult(TrainingTask task, long seed, ModelFrame frame, Map<String, Object> metrics,
        double[] predictions, Map<String, Double> featureImportances, String modelSha256) {

    /** The feature columns in training order. */
    public List<String> featureNames() {
        return frame.train().featureNames();
    }
}
