package io.repro4j.harness.estimator;

import io.repro4j.harness.Estimator;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What the ledger knows of the model one entry trained: its digest and importances, once there are any. An
 * {@link Estimator} knows them after {@code fit}; a native training knows them once its model was recorded.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface TrainedModel {

    /** The lowercase hex SHA-256 of the model, or {@code null} while no model was trained or recorded. */
    String modelSha256();

    /** Importance per feature name, or {@code null} when none are known. */
    Map<String, Double> featureImportances();

    /** The trained state of {@code estimator}, read when asked (after {@code fit}, also after {@code close}). */
    static TrainedModel of(Estimator estimator) {
        return new TrainedModel() {
            @Override
            public String modelSha256() {
                try {
                    return estimator.modelSha256();
                } catch (RuntimeException notTrained) {
                    return null;
                }
            }

            @Override
            public Map<String, Double> featureImportances() {
                try {
                    return estimator.featureImportances();
                } catch (RuntimeException notTrained) {
                    return null;
                }
            }
        };
    }
}
