package io.repro4j.junit.bench;

import io.repro4j.harness.Dataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The two XGBoost regression trainings the fork-overhead benchmark times. */
enum BenchmarkTraining {
    SMALL(500, 8, 30),
    MEDIUM(20_000, 30, 100);

    final int rows;
    final int features;
    final int rounds;

    BenchmarkTraining(int rows, int features, int rounds) {
        this.rows = rows;
        this.features = features;
        this.rounds = rounds;
    }

    /** A seeded synthetic regression problem of this size. */
    Dataset dataset() {
        Random random = new Random(7L * rows + features);
        double[][] x = new double[rows][features];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double signal = 0;
            for (int c = 0; c < features; c++) {
                x[r][c] = random.nextGaussian();
                signal += (c % 3 == 0 ? 1.0 : -0.5) * x[r][c] / (1 + c);
            }
            y[r] = signal + Math.sin(x[r][0] * x[r][1]) + 0.2 * random.nextGaussian();
        }
        return Dataset.of(x, y);
    }

    /** XGBoost parameters with row and column sampling. */
    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("num_round", rounds);
        params.put("max_depth", 6);
        params.put("eta", 0.1);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.8);
        return params;
    }

    @Override
    public String toString() {
        return name().toLowerCase() + " (" + rows + "x" + features + ", " + rounds + " rounds)";
    }
}
