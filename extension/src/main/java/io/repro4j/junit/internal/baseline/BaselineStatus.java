package io.repro4j.junit.internal.baseline;

import org.apiguardian.api.API;

/** What the baseline gate concluded for one test. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum BaselineStatus {
    /** Baselines are off. */
    OFF(false),
    /** No baseline existed; this run's was written. */
    CREATED(false),
    /** Update mode rewrote the baseline with new content. */
    UPDATED(false),
    /** Update mode found the baseline already up to date. */
    UNCHANGED(false),
    /** Fingerprints and environment equal the baseline. */
    MATCHED(false),
    /** Fingerprints equal the baseline although the environment changed. */
    ENVIRONMENT_CHANGED(false),
    /** Fingerprints moved with the environment, accepted with a warning ({@code onDrift=warn}). */
    DRIFT_WARNED(false),
    /** Fingerprints moved with the environment ({@code onDrift=fail}). */
    DRIFT(true),
    /** Fingerprints moved in an identical environment: code, data or config changed. */
    DIFFERS(true),
    /** No baseline while running in CI. */
    MISSING(true),
    /** The baseline file is unusable. */
    CORRUPT(true);

    private final boolean failure;

    BaselineStatus(boolean failure) {
        this.failure = failure;
    }

    /** Whether this status fails the test. */
    public boolean isFailure() {
        return failure;
    }
}
