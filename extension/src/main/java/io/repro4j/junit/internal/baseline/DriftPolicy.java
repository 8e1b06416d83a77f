package io.repro4j.junit.internal.baseline;

import java.util.Locale;
import org.apiguardian.api.API;

/** What happens when fingerprints moved and the environment changed too ({@code repro4j.baseline.onDrift}). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum DriftPolicy {
    /** The test fails, saying the change is likely environment drift. */
    FAIL,
    /** The test passes with a warning line on stderr and a report entry. */
    WARN;

    /** Parses {@code fail} or {@code warn} (any case); blank means {@link #FAIL}. */
    public static DriftPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return FAIL;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + BaselineSettings.ON_DRIFT + "='" + value
                    + "': use fail or warn");
        }
    }
}
