package io.repro4j.junit.internal.baseline;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The baseline gate's conclusion for one test.
 *
 * @param status what happened
 * @param file the baseline file concerned
 * @param message one paragraph a user can act on
 * @param changes fingerprint fields that differ from the baseline
 * @param environmentChanges environment properties that differ from the baseline
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record BaselineOutcome(BaselineStatus status, Path file, String message, List<FingerprintChange> changes,
                              List<EnvironmentChange> environmentChanges) {

    /** An outcome without differences. */
    public static BaselineOutcome of(BaselineStatus status, Path file, String message) {
        return new BaselineOutcome(status, file, message, List.of(), List.of());
    }

    /** Whether the test must fail. */
    public boolean failed() {
        return status.isFailure();
    }
}
