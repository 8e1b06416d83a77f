package io.repro4j.junit.internal.child;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.RunRecorder;
import io.repro4j.junit.TrainingRun;
import io.repro4j.junit.internal.protocol.ChildRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@link TrainingRun} a test gets inside a child JVM, backed by a {@link RunRecorder}. */
final class ChildTrainingRun implements TrainingRun {

    private final ChildRequest request;
    private final ChildRequest.Training training;
    private final RunRecorder recorder;
    private final Map<String, Object> context = new LinkedHashMap<>();
    private boolean recorded;

    /** The training run of the invocation {@code testKey} of {@code entry}, writing its own snapshot tree. */
    ChildTrainingRun(ChildRequest request, ChildRequest.TestEntry entry, String testKey) {
        this.request = request;
        this.training = entry.training();
        // Built before the body: the recorder takes its ledger mark now, so every model the body trains counts.
        this.recorder = RunRecorder.builder()
                .experimentId(training.experiment())
                .target(training.target())
                .view(training.view())
                .symbol(training.symbol())
                .stage("training")
                .runName(request.output().runName(testKey, request.run().index()))
                .resultsRoot(Path.of(request.output().resultsRoot()))
                .trainSeed(training.trainSeed())
                .build();
    }

    /** What this invocation trains under. */
    ChildRequest.Training training() {
        return training;
    }

    @Override
    public long seed() {
        return training.trainSeed();
    }

    @Override
    public int runIndex() {
        return request.run().index();
    }

    @Override
    public Estimator createEstimator(Library library, Map<String, ?> params, ProblemKind kind) {
        return Determinism.createEstimator(library, params, training.trainSeed(), kind);
    }

    @Override
    public void recordMetrics(Map<String, ?> metrics) {
        Objects.requireNonNull(metrics, "metrics");
        recorder.recordMetrics(metrics);
        recorded = true;
    }

    @Override
    public void recordPredictions(double[] predictions) {
        Objects.requireNonNull(predictions, "predictions");
        recorder.recordPredictions(predictions);
        recorded = true;
    }

    @Override
    public void recordPredictions(double[] predictions, List<String> rowIds) {
        Objects.requireNonNull(predictions, "predictions");
        recorder.recordPredictions(predictions, rowIds);
        recorded = true;
    }

    @Override
    public void recordPredictions(float[][] predictions) {
        Objects.requireNonNull(predictions, "predictions");
        recorder.recordPredictions(predictions);
        recorded = true;
    }

    @Override
    public void recordPredictions(double[][] predictions) {
        Objects.requireNonNull(predictions, "predictions");
        recorder.recordPredictions(predictions);
        recorded = true;
    }

    @Override
    public void recordDataset(String dataDir, List<String> symbols, Dataset data) {
        Objects.requireNonNull(data, "data");
        recorder.recordDataset(dataDir, symbols, null, data);
        recorded = true;
    }

    @Override
    public void recordDataset(String dataDir, List<String> symbols, String dataSha256) {
        recorder.recordDataset(dataDir, symbols, null, dataSha256);
        recorded = true;
    }

    @Override
    public void putContext(String key, Object value) {
        context(key, value);
    }

    /** Adds to {@code run_context} without counting as a record. */
    void context(String key, Object value) {
        context.put(key, value);
        recorder.putContext(key, value);
    }

    Map<String, Object> context() {
        return context;
    }

    boolean recordedAnything() {
        return recorded;
    }

    /** Writes the snapshot, also for a run that only trained (its ledger is the record). */
    Path write() {
        // diff_prev.json is written by the test JVM once every run ended (ForkExecutor).
        return recorder.writeWithoutPreviousRunDiff();
    }

    @Override
    public String toString() {
        return "TrainingRun[" + request.run().describe() + ", seed " + training.trainSeed() + ", target "
                + training.target() + "]";
    }
}
