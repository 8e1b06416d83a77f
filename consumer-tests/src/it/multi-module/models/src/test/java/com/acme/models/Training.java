package com.acme.models;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.junit.TrainingRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small training both model tests share; {@code rowOrder} may reorder the rows before training. */
final class Training {

    private Training() {
    }

    static void trainAndRecord(TrainingRun run, Random rowOrder) {
        Random random = new Random(11);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 300; r++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            rows.add(new double[] {a, b, a * 0.7 - b * b * 0.2 + 0.1 * random.nextGaussian()});
        }
        if (rowOrder != null) {
            Collections.shuffle(rows, rowOrder);
        }
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = new double[] {rows.get(i)[0], rows.get(i)[1]};
            y[i] = rows.get(i)[2];
        }
        Dataset data = Dataset.of(x, y, List.of("ret_1", "spread"));
        run.recordDataset("data/interval=5m", List.of("AAPL"), data);
        try (Estimator model = run.createEstimator(Library.LIGHTGBM,
                Map.of("num_iterations", 20, "bagging_fraction", 0.8, "bagging_freq", 1), ProblemKind.REGRESSION)) {
            model.fit(data);
            run.recordPredictions(model.predict(data));
        }
    }
}
