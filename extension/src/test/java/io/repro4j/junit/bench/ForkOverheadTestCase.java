package io.repro4j.junit.bench;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's subjects: the same training as a plain in-process test and under {@code @DeterministicTraining}
 * with 2 and 3 runs. Run only by {@link ForkOverheadBenchmark}.
 */
public class ForkOverheadTestCase {

    @Test
    void smallInProcess() {
        train(BenchmarkTraining.SMALL, Determinism.resolveSeed("training", "bench_small", null, null), null);
    }

    @DeterministicTraining(runs = 2, target = "bench_small", perturb = {})
    void smallTwoRuns(TrainingRun run) {
        train(BenchmarkTraining.SMALL, run.seed(), run);
    }

    @DeterministicTraining(runs = 3, target = "bench_small", perturb = {})
    void smallThreeRuns(TrainingRun run) {
        train(BenchmarkTraining.SMALL, run.seed(), run);
    }

    @Test
    void mediumInProcess() {
        train(BenchmarkTraining.MEDIUM, Determinism.resolveSeed("training", "bench_medium", null, null), null);
    }

    @DeterministicTraining(runs = 2, target = "bench_medium", perturb = {})
    void mediumTwoRuns(TrainingRun run) {
        train(BenchmarkTraining.MEDIUM, run.seed(), run);
    }

    @DeterministicTraining(runs = 3, target = "bench_medium", perturb = {})
    void mediumThreeRuns(TrainingRun run) {
        train(BenchmarkTraining.MEDIUM, run.seed(), run);
    }

    /** Trains, predicts the training rows and, under the extension, records what a real test would. */
    private static void train(BenchmarkTraining size, long seed, TrainingRun run) {
        Dataset data = size.dataset();
        double[] predictions;
        try (Estimator model = run == null
                ? Determinism.createEstimator(Library.XGBOOST, size.params(), seed, ProblemKind.REGRESSION)
                : run.createEstimator(Library.XGBOOST, size.params(), ProblemKind.REGRESSION)) {
            model.fit(data);
            predictions = model.predict(data);
        }
        double sse = 0;
        for (int i = 0; i < predictions.length; i++) {
            double d = predictions[i] - data.label(i);
            sse += d * d;
        }
        if (run != null) {
            run.recordDataset("bench/" + size.name().toLowerCase(), java.util.List.of("BENCH"), data);
            run.recordMetrics(Map.of("rmse", Math.sqrt(sse / predictions.length)));
            run.recordPredictions(predictions);
        }
    }
}
