package io.repro4j.harness.estimator;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * The model of a native training, as its code recorded it: empty until then, replaced by a later recording (a
 * retrained model). Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class RecordedModel implements TrainedModel {
    private volatile String modelSha256;

    /** Records the digest of the trained model, replacing an earlier one. */
    public void record(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        modelSha256 = sha256;
    }

    @Override
    public String modelSha256() {
        return modelSha256;
    }

    /** Native trainings record no importances. */
    @Override
    public Map<String, Double> featureImportances() {
        return null;
    }
}
