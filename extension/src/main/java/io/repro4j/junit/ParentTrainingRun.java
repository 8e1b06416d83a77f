package io.repro4j.junit;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import java.util.List;
import java.util.Map;

/** The {@link TrainingRun} resolved in the test JVM, where the body never runs; every use is a bug. */
final class ParentTrainingRun implements TrainingRun {
    static final ParentTrainingRun INSTANCE = new ParentTrainingRun();

    private ParentTrainingRun() {
    }

    private static IllegalStateException outside() {
        return new IllegalStateException("TrainingRun is only usable inside the test body of a @DeterministicTraining"
                + " test, which runs in child JVMs.");
    }

    @Override
    public long seed() {
        throw outside();
    }

    @Override
    public int runIndex() {
        throw outside();
    }

    @Override
    public Estimator createEstimator(Library library, Map<String, ?> params, ProblemKind kind) {
        throw outside();
    }

    @Override
    public void recordMetrics(Map<String, ?> metrics) {
        throw outside();
    }

    @Override
    public void recordPredictions(double[] predictions) {
        throw outside();
    }

    @Override
    public void recordPredictions(double[] predictions, List<String> rowIds) {
        throw outside();
    }

    @Override
    public void recordPredictions(float[][] predictions) {
        throw outside();
    }

    @Override
    public void recordPredictions(double[][] predictions) {
        throw outside();
    }

    @Override
    public void recordDataset(String dataDir, List<String> symbols, Dataset data) {
        throw outside();
    }

    @Override
    public void recordDataset(String dataDir, List<String> symbols, String dataSha256) {
        throw outside();
    }

    @Override
    public void putContext(String key, Object value) {
        throw outside();
    }
}
