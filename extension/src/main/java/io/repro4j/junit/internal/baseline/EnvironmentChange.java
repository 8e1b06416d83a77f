package io.repro4j.junit.internal.baseline;

import org.apiguardian.api.API;

/**
 * One environment property that differs between the baseline and this run.
 *
 * @param key path in the environment fingerprint, e.g. {@code library_versions.xgboost4j}
 * @param label how people name it, e.g. {@code xgboost4j}
 * @param baseline the baseline's value, {@code null} when absent
 * @param actual this run's value, {@code null} when absent
 * @param canMoveFingerprints whether a change of this property can move a single-threaded CPU training's
 *     fingerprints (see {@link EnvironmentDrift})
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record EnvironmentChange(String key, String label, String baseline, String actual,
        boolean canMoveFingerprints) {

    /** {@code xgboost4j 3.4.0 → 3.5.0}; digests are abbreviated. */
    @Override
    public String toString() {
        return label + " " + shown(baseline) + " → " + shown(actual);
    }

    private static String shown(String value) {
        if (value == null) {
            return "(absent)";
        }
        return value.matches("[0-9a-f]{64}") ? value.substring(0, 12) + "…" : value;
    }
}
