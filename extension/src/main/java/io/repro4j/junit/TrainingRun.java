package io.repro4j.junit;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Injected into a {@link DeterministicTraining @DeterministicTraining} test: the run's derived seed, the choke point,
 * and what the run records for its fingerprints. Code that trains with the libraries' own API passes {@link #seed()}
 * to {@code DeterministicXGBoost.train} or {@code Determinism.nativeTraining} instead of calling
 * {@link #createEstimator}.
 *
 * <pre>{@code
 * @Test
 * @DeterministicTraining(target = "fwd_ret_10m")
 * void reproducible(TrainingRun run) {
 *     run.recordDataset("synthetic/interval=5m", List.of("AAPL"), train);
 *     try (Estimator model = run.createEstimator(Library.LIGHTGBM, Map.of("num_iterations", 30),
 *             ProblemKind.REGRESSION)) {
 *         model.fit(train);
 *         run.recordPredictions(model.predict(test));
 *     }
 * }
 * }</pre>
 *
 * <p>Only the child JVMs run the test body; the instance a test method receives is valid for that one
 * invocation and not thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface TrainingRun {

    /**
     * The derived train seed, equal in every run: {@code resolveSeed(global, "training", target, 0, symbol, view,
     * version)}, where the view is always part of the payload (its name, e.g. {@code CROSS_SECTIONAL}) and the
     * symbol only for symbol-specific training ({@code None} otherwise). A pipeline that derives its seed without
     * the view gets a different seed; pass this one on, or derive the same way.
     */
    long seed();

    /** 1-based index of this run. */
    int runIndex();

    /** {@link io.repro4j.harness.Determinism#createEstimator} with {@link #seed()}. */
    Estimator createEstimator(Library library, Map<String, ?> params, ProblemKind kind);

    /** Records metrics for {@code metrics_sha256} and per-key comparison. Later calls merge keys. */
    void recordMetrics(Map<String, ?> metrics);

    /** Records predictions for {@code predictions_sha256} and the exact float64 digest; row ids {@code "0", "1", …}. */
    void recordPredictions(double[] predictions);

    /** Records predictions with their row ids (for the reference prediction fingerprint). */
    void recordPredictions(double[] predictions, List<String> rowIds);

    /**
     * Records a prediction matrix, one row per input row: what XGBoost4J's {@code Booster.predict} returns, multiclass
     * probabilities included; row ids {@code "0", "1", …}. The values are widened to float64 (exactly). With one
     * column, {@code predictions_sha256} is the reference's regression fingerprint of that column; with more it is
     * {@code null}, as the reference defines none; {@code predictions_f64_sha256} covers the shape and every bit.
     */
    void recordPredictions(float[][] predictions);

    /** {@link #recordPredictions(float[][])} for float64 predictions. */
    void recordPredictions(double[][] predictions);

    /** Records the dataset for {@code dataset_signature} and {@code feature_signature}. */
    void recordDataset(String dataDir, List<String> symbols, Dataset data);

    /** Records the dataset by the SHA-256 of its contents when the data itself is not at hand. */
    void recordDataset(String dataDir, List<String> symbols, String dataSha256);

    /** Adds a free-form key to the snapshot's {@code run_context} (e.g. a data version); must be equal across runs to be useful. */
    void putContext(String key, Object value);
}
