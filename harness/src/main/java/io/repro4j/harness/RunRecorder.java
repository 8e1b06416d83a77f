package io.repro4j.harness;

import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.results.ResultsRoot;
import io.repro4j.harness.results.SafeNames;
import io.repro4j.harness.snapshot.SnapshotWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Collects what one training run produced and writes its snapshot tree ({@code snapshot.json},
 * {@code metrics.json}, {@code metadata.json}, {@code diff_prev.json}, feature-importance CSVs) under the results
 * root. Production code uses it directly; the JUnit extension uses it inside each child JVM.
 *
 * <pre>{@code
 * RunRecorder run = RunRecorder.builder()
 *         .experimentId("determinism_test").target("fwd_ret_10m").view(View.CROSS_SECTIONAL)
 *         .trainSeed(seed).build();
 * run.recordDataset("synthetic/interval=5m", symbols, 2000, train);
 * ... Determinism.createEstimator(...) ... fit ... predict ...
 * run.recordMetrics(Map.of("rmse", rmse));
 * run.recordPredictions(predictions);
 * Path cohortDir = run.write();
 * }</pre>
 *
 * <p>The results root is, in order: {@link Builder#resultsRoot(Path)}, the {@code REPRO4J_RESULTS_DIR} environment
 * variable, the {@code repro4j.resultsDir} system property, {@code target/repro4j}. Names (target, symbol, run name)
 * are validated: nothing is ever written outside the results root.
 *
 * <p>Defaults: experiment {@code determinism_test}, view {@code CROSS_SECTIONAL}, stage {@code TRAINING}, run name
 * {@code run-<yyyyMMdd'T'HHmmss'Z'>-<pid>}, mode from {@link Determinism#loadReproducibilityConfig()}. The estimators
 * recorded are those trained through the choke point ({@link Determinism#createEstimator},
 * {@link io.repro4j.harness.xgboost.DeterministicXGBoost}, {@link Determinism#nativeTraining}) after
 * {@link Builder#build()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RunRecorder {

    private final SnapshotWriter writer;

    private RunRecorder(SnapshotWriter writer) {
        this.writer = writer;
    }

    /** A builder with the defaults listed above; {@link Builder#target(String)} is the one value to set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Records the dataset: where it came from, which symbols, the row cap, and its exact contents (digested). */
    public void recordDataset(String dataDir, List<String> symbols, Integer maxRowsPerSymbol, Dataset data) {
        writer.recordDataset(dataDir, symbols, maxRowsPerSymbol, data);
    }

    /** Records the dataset by digest when the data itself is not at hand. */
    public void recordDataset(String dataDir, List<String> symbols, Integer maxRowsPerSymbol, String dataSha256) {
        writer.recordDataset(dataDir, symbols, maxRowsPerSymbol, dataSha256);
    }

    /** Records the feature names (for {@code feature_signature}) when the dataset was recorded by digest. */
    public void recordFeatureNames(List<String> featureNames) {
        writer.recordFeatureNames(featureNames);
    }

    /**
     * Records metrics; values may be numbers, strings, booleans, nulls, lists and maps. Later calls merge keys.
     *
     * @throws Repro4jException naming the key of a value of an unsupported type
     */
    public void recordMetrics(Map<String, ?> metrics) {
        writer.recordMetrics(metrics);
    }

    /** Records predictions; row ids default to {@code "0", "1", …}. */
    public void recordPredictions(double[] predictions) {
        writer.recordPredictions(predictions, null);
    }

    /** Records predictions with their row ids (for the reference prediction fingerprint). */
    public void recordPredictions(double[] predictions, List<String> rowIds) {
        writer.recordPredictions(predictions, Objects.requireNonNull(rowIds, "rowIds"));
    }

    /**
     * Records a prediction matrix, one row per input row: what {@code Booster.predict} returns (multiclass
     * probabilities included), widened to float64, which is exact. Row ids default to {@code "0", "1", …}. With one
     * column, {@code predictions_sha256} is the reference's regression fingerprint of that column; with more it is
     * {@code null} (the reference defines none); {@code predictions_f64_sha256} covers the shape and every bit.
     *
     * @throws Repro4jException when the rows do not all have the same number of values
     */
    public void recordPredictions(float[][] predictions) {
        writer.recordPredictions(predictions, null);
    }

    /** {@link #recordPredictions(float[][])} for float64 predictions. */
    public void recordPredictions(double[][] predictions) {
        writer.recordPredictions(predictions, null);
    }

    /** Adds a key to the snapshot's {@code run_context} object (e.g. perturbations the run had). */
    public void putContext(String key, Object value) {
        writer.putContext(key, value);
    }

    /** Writes the snapshot tree atomically and returns the cohort directory. */
    public Path write() {
        return writer.write();
    }

    /**
     * Writes the snapshot tree without {@code diff_prev.json}, for a caller that writes it later with
     * {@code DiffPrev.write}: the test JVM of a {@code @DeterministicTraining} child does, once its children ended,
     * so that the short-lived child need not read and compare the other snapshots of the results root.
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public Path writeWithoutPreviousRunDiff() {
        return writer.write(false);
    }

    /** Configures a {@link RunRecorder}. */
    public static final class Builder {
        private String experimentId = "determinism_test";
        private String target;
        private View view = View.CROSS_SECTIONAL;
        private String symbol;
        private String stage = "TRAINING";
        private String runName;
        private Path resultsRoot;
        private Long trainSeed;
        private Map<String, ?> taskSpec = Map.of();
        private Mode mode;

        private Builder() {
        }

        /** The experiment id written to {@code comparison_group.experiment_id} (default {@code determinism_test}). */
        public Builder experimentId(String value) {
            this.experimentId = value;
            return this;
        }

        /** The target, e.g. {@code fwd_ret_10m}; it names a directory, so it must be a safe name ({@code [A-Za-z0-9._=-]}). */
        public Builder target(String value) {
            this.target = value;
            return this;
        }

        /** How the data is routed (default {@link View#CROSS_SECTIONAL}); {@link View#SYMBOL_SPECIFIC} needs a {@link #symbol(String)}. */
        public Builder view(View value) {
            this.view = value;
            return this;
        }

        /** The symbol of a {@link View#SYMBOL_SPECIFIC} run, e.g. {@code AAPL}; must be absent for {@link View#CROSS_SECTIONAL}. */
        public Builder symbol(String value) {
            this.symbol = value;
            return this;
        }

        /** The pipeline stage written to {@code stage} (default {@code TRAINING}). */
        public Builder stage(String value) {
            this.stage = value;
            return this;
        }

        /** The run directory name under {@code runs/} (default {@code run-<timestamp>-<pid>}); must be a safe name. */
        public Builder runName(String value) {
            this.runName = value;
            return this;
        }

        /** The results root, overriding {@code REPRO4J_RESULTS_DIR}, {@code -Drepro4j.resultsDir} and {@code target/repro4j}. */
        public Builder resultsRoot(Path value) {
            this.resultsRoot = value;
            return this;
        }

        /** The train seed written to {@code comparison_group.train_seed}, e.g. from {@link Determinism#resolveSeed}. */
        public Builder trainSeed(long value) {
            this.trainSeed = value;
            return this;
        }

        /** Task fields for {@code task_signature} ({@code horizon_minutes}, {@code objective}, …); the target is added. */
        public Builder taskSpec(Map<String, ?> value) {
            this.taskSpec = value == null ? Map.of() : value;
            return this;
        }

        /** The mode written to the snapshot; defaults to the configured mode. */
        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        /**
         * Validates the settings and starts recording: models trained through the choke point from now on belong to
         * this run.
         *
         * @throws Repro4jException when the target, symbol or run name is not a safe name, the target is missing,
         *     or the view and symbol do not fit together
         */
        public RunRecorder build() {
            if (target == null) {
                throw new Repro4jException("RunRecorder needs a target: call target(\"fwd_ret_10m\") on the builder.");
            }
            String name = runName != null ? runName : defaultRunName();
            SafeNames.require("run name", name);
            Path root = resultsRoot != null ? resultsRoot : ResultsRoot.resolve();
            Mode effectiveMode = mode != null ? mode : Determinism.loadReproducibilityConfig().mode();
            SnapshotWriter.Settings settings = new SnapshotWriter.Settings(root, name, experimentId, target, view,
                    symbol, stage, trainSeed, taskSpec, effectiveMode);
            EstimatorLedger ledger = EstimatorLedger.global();
            int mark = ledger.size();
            return new RunRecorder(new SnapshotWriter(settings, () -> ledger.entriesSince(mark)));
        }

        private static String defaultRunName() {
            String time = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
            return "run-" + time + "-" + ProcessHandle.current().pid();
        }
    }
}
