package io.repro4j.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.examples.ExperimentSettings;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.Perturbation;
import io.repro4j.junit.TrainingRun;
import io.repro4j.spark.DeterministicSpark;

/**
 * The pooled ten-minute return model trained by two XGBoost4J-Spark workers: reproducible under other Spark
 * partitioning defaults because its training set is laid out by symbol and time ({@code DeterministicSpark.canonical}).
 */
class SparkReturnModelTest {

    private final ExperimentSettings settings = ExperimentSettings.load("determinism_test");

    @DeterministicTraining(target = SparkReturnModel.TARGET,
            perturb = {Perturbation.IDENTITY_HASH, Perturbation.PARTITIONING})
    void twoWorkersPredictTenMinuteReturns(TrainingRun run) {
        SparkReturnModel.Result result = new SparkReturnModel(settings)
                .train(DeterministicSpark.session(SparkReturnModel.WORKERS), run.seed(), SparkReturnModel.Layout.CANONICAL);
        run.recordDataset(settings.dataDir(), result.frame().symbols(), result.frame().train());
        run.recordMetrics(result.metrics());
        run.recordPredictions(result.predictions());

        assertThat(result.frame().symbols()).containsExactlyElementsOf(settings.symbols());
        // The synthetic market mean-reverts over one bar: a working model ranks returns better than chance.
        assertThat((double) result.metrics().get("rank_ic")).isPositive();
    }
}
