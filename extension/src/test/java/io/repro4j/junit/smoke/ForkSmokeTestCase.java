package io.repro4j.junit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fixtures for {@link ForkSmokeIT}; run only through the EngineTestKit. */
class ForkSmokeTestCase {

    @Test
    @DeterministicTraining(target = "fwd_ret_10m")
    void trainsXgboostReproducibly(TrainingRun run) {
        Dataset data = syntheticData(400, 5);
        run.recordDataset("synthetic/smoke", List.of("AAPL", "MSFT"), data);
        try (Estimator model = run.createEstimator(Library.XGBOOST,
                Map.of("max_depth", 3, "n_estimators", 20, "learning_rate", 0.1), ProblemKind.REGRESSION)) {
            model.fit(data);
            double[] predictions = model.predict(data);
            run.recordPredictions(predictions);
            run.recordMetrics(Map.of("rmse", rmse(predictions, data.labels())));
        }
    }

    @Test
    @DeterministicTraining(requireLedger = false, requireRecords = false)
    void failsInTheChild(TrainingRun run) {
        assertThat(System.getenv("OMP_NUM_THREADS")).isEqualTo("1");
        assertThat(run.runIndex()).as("run index").isEqualTo(99);
    }

    static Dataset syntheticData(int rows, int cols) {
        Random random = new Random(7);
        double[][] x = new double[rows][cols];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                x[r][c] = random.nextGaussian();
            }
            y[r] = 0.5 * x[r][0] - 0.25 * x[r][1] * x[r][2] + 0.1 * random.nextGaussian();
        }
        return Dataset.of(x, y);
    }

    static double rmse(double[] predictions, double[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double d = predictions[i] - labels[i];
            sum += d * d;
        }
        return Math.sqrt(sum / labels.length);
    }
}
