package io.repro4j.spark.bench;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import io.repro4j.spark.DeterministicSpark;
import io.repro4j.spark.fixtures.SparkData;
import io.repro4j.spark.fixtures.SparkTrainingTestCase;
import org.apache.spark.sql.SparkSession;

/** The benchmark's Spark determinism check: the fixtures' canonical training, with the instants of its phases. */
public class SparkOverheadTestCase {

    @DeterministicTraining(target = "fwd_ret_10m", perturb = {})
    void canonicalTraining(TrainingRun run) {
        SparkSession spark = DeterministicSpark.session(SparkTrainingTestCase.WORKERS);
        run.putContext("bench_session_ready_at", System.currentTimeMillis());
        SparkData data = SparkData.generate();
        double[] predictions = SparkTrainingTestCase.train(spark, data, run.seed(), true);
        run.putContext("bench_trained_at", System.currentTimeMillis());
        run.recordDataset(SparkData.DATA_DIR, SparkData.SYMBOLS, data.train());
        run.recordPredictions(predictions);
    }
}
