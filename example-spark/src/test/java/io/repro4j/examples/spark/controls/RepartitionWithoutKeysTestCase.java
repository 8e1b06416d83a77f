package io.repro4j.examples.spark.controls;

import io.repro4j.examples.ExperimentSettings;
import io.repro4j.examples.spark.SparkReturnModel;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.Perturbation;
import io.repro4j.junit.TrainingRun;
import io.repro4j.spark.DeterministicSpark;

/**
 * Negative control: the Spark return model with its training set spread by {@code repartition(2)} instead of
 * {@code DeterministicSpark.canonical}. Round-robin repartitioning hands rows to the two workers by the partitions the
 * rows happened to be in, and {@code createDataFrame} makes as many as {@code spark.default.parallelism} says: two
 * plain forks agree, but a run with other partitioning defaults gives the workers other rows, and XGBoost trains
 * another model. The data, parameters and seed are the same, so only outputs move: {@code model_sha256}, the
 * predictions and metrics.
 *
 * <p>Fix: {@code DeterministicSpark.canonical(rows, 2, "symbol", "ts")} (hash-partitioned by stable keys into exactly
 * {@code numWorkers} partitions, sorted within them).
 */
public class RepartitionWithoutKeysTestCase {

    @DeterministicTraining(target = SparkReturnModel.TARGET,
            perturb = {Perturbation.IDENTITY_HASH, Perturbation.PARTITIONING})
    void twoWorkersOnRowsRepartitionedWithoutKeys(TrainingRun run) {
        ExperimentSettings settings = ExperimentSettings.load("determinism_test");
        SparkReturnModel.Result result = new SparkReturnModel(settings).train(
                DeterministicSpark.session(SparkReturnModel.WORKERS), run.seed(),
                SparkReturnModel.Layout.REPARTITION_WITHOUT_KEYS);
        run.recordDataset(settings.dataDir(), result.frame().symbols(), result.frame().train());
        run.recordMetrics(result.metrics());
        run.recordPredictions(result.predictions());
    }
}
