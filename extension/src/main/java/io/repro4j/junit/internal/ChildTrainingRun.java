package io.repro4j.junit.internal;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.RunRecorder;
import io.repro4j.junit.TrainingRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@link TrainingRun} a test gets inside a child JVM, backed by a {@link RunRecorder}. */
final class ChildTrainingRun implements TrainingRun {

    private final ChildRequest request;
    private final RunRecorder recorder;
    private final Map<String, Object> context = new LinkedHashMap<>();
    private boolean recorded;

    ChildTrainingRun(ChildRequest request) {
        this.request = request;
        // Built before the body: the recorder takes its ledger mark now, so every estimator the body builds counts.
        this.recorder = RunRecorder.builder()
                .experimentId(request.config())
                .target(request.target())
                .view(request.view())
                .symbol(request.symbol())
                .stage("training")
                .runName(request.runName())
                .resultsRoot(Path.of(request.resultsRoot()))
                .trainSeed(request.trainSeed())
                .build();
    }

    @Override
    public long seed() {
        return request.trainSeed();
    }

    @Override
    public int runIndex() {
        return request.runIndex();
    }

    @Override
    public Estimator createEstimator(Library library, Map<String, ?> params, ProblemKind kind) {
        return Determinism.createEstimator(library, params, request.trainSeed(), kind);
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
        return recorder.write();
    }

    @Override
    public String toString() {
        return "TrainingRun[run " + request.runIndex() + " of " + request.totalRuns() + ", seed " + request.trainSeed()
                + ", target " + request.target() + "]";
    }
}
