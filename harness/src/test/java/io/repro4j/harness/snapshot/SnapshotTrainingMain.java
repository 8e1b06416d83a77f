package io.repro4j.harness.snapshot;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.RunRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Child-JVM entry point for the snapshot ITs.
 *
 * <ul>
 *   <li>{@code train ROOT RUN_NAME MAX_DEPTH}: trains XGBoost and LightGBM (row and feature sampling on) through
 *       {@link Determinism#createEstimator} and records the run with {@link RunRecorder}.</li>
 *   <li>{@code many ROOT PREFIX COUNT}: writes COUNT runs without training, for concurrency tests.</li>
 * </ul>
 */
public final class SnapshotTrainingMain {

    private SnapshotTrainingMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[1]);
        if (args[0].equals("train")) {
            train(root, args[2], Integer.parseInt(args[3]));
        } else {
            String prefix = args[2];
            int count = Integer.parseInt(args[3]);
            for (int i = 0; i < count; i++) {
                RunRecorder run = RunRecorder.builder().resultsRoot(root).runName(prefix + "-" + i)
                        .target("fwd_ret_10m").trainSeed(42).build();
                Dataset data = dataset(50, 3);
                run.recordDataset("synthetic", List.of("AAPL", "MSFT"), 1000, data);
                run.recordMetrics(Map.of("rmse", 0.25));
                run.putContext("run_index", i);
                run.recordPredictions(data.labels());
                run.write();
            }
        }
    }

    private static void train(Path root, String runName, int maxDepth) {
        long seed = Determinism.resolveSeed(42, "training", "fwd_ret_10m", 0, null, "CROSS_SECTIONAL", "v1");
        RunRecorder run = RunRecorder.builder().resultsRoot(root).runName(runName).target("fwd_ret_10m")
                .trainSeed(seed).taskSpec(Map.of("horizon_minutes", 10, "objective", "regression")).build();
        Dataset train = dataset(300, 6);
        run.recordDataset("synthetic/interval=5m", List.of("AAPL", "MSFT", "NVDA"), 100, train);
        Map<String, Object> xgbParams = new LinkedHashMap<>();
        xgbParams.put("max_depth", maxDepth);
        xgbParams.put("n_estimators", 15);
        xgbParams.put("learning_rate", 0.1);
        xgbParams.put("subsample", 0.7);
        xgbParams.put("colsample_bytree", 0.7);
        Map<String, Object> lgbParams = new LinkedHashMap<>();
        lgbParams.put("n_estimators", 15);
        lgbParams.put("num_leaves", 15);
        lgbParams.put("min_data_in_leaf", 5);
        lgbParams.put("bagging_fraction", 0.7);
        lgbParams.put("bagging_freq", 1);
        lgbParams.put("feature_fraction", 0.7);
        List<Double> all = new ArrayList<>();
        List<String> rowIds = new ArrayList<>();
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<Estimator> models = new ArrayList<>();
        try {
            for (Library library : Library.values()) {
                Estimator model = Determinism.createEstimator(library,
                        library == Library.XGBOOST ? xgbParams : lgbParams, seed, ProblemKind.REGRESSION);
                models.add(model);
                model.fit(train);
                double[] predictions = model.predict(train);
                double sse = 0;
                for (int i = 0; i < predictions.length; i++) {
                    double e = predictions[i] - train.label(i);
                    sse += e * e;
                    all.add(predictions[i]);
                    rowIds.add(library.modelFamily() + "-" + i);
                }
                metrics.put(library.modelFamily() + "_rmse", Math.sqrt(sse / predictions.length));
            }
            run.recordMetrics(metrics);
            run.recordPredictions(all.stream().mapToDouble(Double::doubleValue).toArray(), rowIds);
            // estimators stay open until the recorder has read their model hashes and importances
            run.write();
        } finally {
            models.forEach(Estimator::close);
        }
    }

    static Dataset dataset(int rows, int cols) {
        Random random = new Random(7);
        double[][] x = new double[rows][cols];
        double[] y = new double[rows];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            names.add("feature_" + c);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                x[r][c] = random.nextGaussian();
            }
            y[r] = 0.5 * x[r][0] - 0.25 * x[r][1] * x[r][2] + 0.1 * random.nextGaussian();
        }
        return Dataset.of(x, y, names);
    }
}
