package io.repro4j.harness;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A gradient-boosted model built by {@link Determinism#createEstimator}, with the policy of the configured
 * {@link Mode} already applied to its parameters.
 *
 * <p>Implementations hold native resources; {@link #close()} frees them (closing twice is harmless).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface Estimator extends AutoCloseable {

    /** Trains on {@code data}; calling it again retrains from scratch. */
    void fit(Dataset data);

    /** Values for regression, the probability of class 1 for binary classification; one per row. */
    double[] predict(Dataset data);

    /** Gain-based importance per feature name, in the dataset's column order. */
    Map<String, Double> featureImportances();

    /** Lowercase hex SHA-256 of the trained model's exact bytes, without run-only parameters such as thread counts. */
    String modelSha256();

    /** The parameters the library was actually given, after aliases and the policy were applied. */
    Map<String, Object> effectiveParams();

    /** The library this estimator trains with. */
    Library library();

    /** Frees the native model; the estimator cannot be used afterwards. Closing twice is harmless. */
    @Override
    void close();
}
