package io.repro4j.examples;

import io.repro4j.junit.TrainingRun;

/** What every example model test records for its fingerprints. */
final class ModelRecords {

    private ModelRecords() {
    }

    /** Records the training rows (as the dataset), the test-period metrics and the test predictions. */
    static TrainingResult record(TrainingRun run, ExperimentSettings settings, TrainingResult result) {
        run.recordDataset(settings.dataDir(), result.frame().symbols(), result.frame().train());
        run.recordMetrics(result.metrics());
        run.recordPredictions(result.predictions());
        return result;
    }
}
