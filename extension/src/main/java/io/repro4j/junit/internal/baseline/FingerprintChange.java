package io.repro4j.junit.internal.baseline;

import org.apiguardian.api.API;

/**
 * A fingerprint field whose value differs from the baseline.
 *
 * @param field e.g. {@code hyperparameters_signature}
 * @param baseline the committed value as JSON text, {@code null} when the baseline lacks the field
 * @param actual this run's value as JSON text, {@code null} when the run lacks the field
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record FingerprintChange(String field, String baseline, String actual) {

    /** {@code model_sha256: baseline 3f…, actual 9a…}. */
    @Override
    public String toString() {
        return field + ": baseline " + (baseline == null ? "(absent)" : baseline)
                + ", actual " + (actual == null ? "(absent)" : actual);
    }
}
