package io.repro4j.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RunRecorder {

    private RunRecorder() {
    }

    public static Builder builder() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Records the dataset: where it came from, which symbols, the row cap, and its exact contents (digested). */
    public void recordDataset(String dataDir, List<String> symbols, Integer maxRowsPerSymbol, Dataset data) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Records the dataset by digest when the data itself is not at hand. */
    public void recordDataset(String dataDir, List<String> symbols, Integer maxRowsPerSymbol, String dataSha256) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Records metrics; values may be numbers, strings, booleans, nulls, lists and maps. Later calls merge keys. */
    public void recordMetrics(Map<String, ?> metrics) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Records predictions; row ids default to {@code "0", "1", …}. */
    public void recordPredictions(double[] predictions) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Records predictions with their row ids (for the reference prediction fingerprint). */
    public void recordPredictions(double[] predictions, List<String> rowIds) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Adds a key to the snapshot's {@code run_context} object (e.g. perturbations the run had). */
    public void putContext(String key, Object value) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Writes the snapshot tree atomically and returns the cohort directory. */
    public Path write() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Configures a {@link RunRecorder}. */
    public static final class Builder {
        private Builder() {
        }

        public Builder experimentId(String value) { throw new UnsupportedOperationException("TODO"); }

        public Builder target(String value) { throw new UnsupportedOperationException("TODO"); }

        public Builder view(View value) { throw new UnsupportedOperationException("TODO"); }

        public Builder symbol(String value) { throw new UnsupportedOperationException("TODO"); }

        public Builder stage(String value) { throw new UnsupportedOperationException("TODO"); }

        public Builder runName(String value) { throw new UnsupportedOperationException("TODO"); }

        public Builder resultsRoot(Path value) { throw new UnsupportedOperationException("TODO"); }

        public Builder trainSeed(long value) { throw new UnsupportedOperationException("TODO"); }

        public Builder taskSpec(Map<String, ?> value) { throw new UnsupportedOperationException("TODO"); }

        public RunRecorder build() { throw new UnsupportedOperationException("TODO"); }
    }
}
