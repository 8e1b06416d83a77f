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
 * and what the run records for its fingerprints.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface TrainingRun {

    /** The derived train seed: {@code resolveSeed(global, "training", target, 0, symbol, view, version)}. */
    long seed();

    /** 1-based index of this run. */
    int runIndex();

    /** {@link io.repro4j.harness.Determinism#createEstimator} with {@link #seed()}. */
    Estimator createEstimator(Library library, Map<String, ?> params, ProblemKind kind);

    /** Records metrics for {@code metrics_sha256} and per-key comparison. */
    void recordMetrics(Map<String, ?> metrics);

    /** Records predictions for {@code predictions_sha256} and the exact float64 digest. */
    void recordPredictions(double[] predictions);

    /** Records the dataset for {@code dataset_signature} and {@code feature_signature}. */
    void recordDataset(String dataDir, List<String> symbols, Dataset data);
}
