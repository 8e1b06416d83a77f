package io.repro4j.junit.internal.baseline;

import java.util.Locale;
import org.apiguardian.api.API;

/** What a reproducible test does with its committed baseline ({@code repro4j.baseline}). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum BaselineMode {
    /** Compare with the baseline when one exists; write it when missing, unless running in CI. */
    VERIFY,
    /** Rewrite the baseline from this run. */
    UPDATE,
    /** Neither read nor write baselines. */
    OFF;

    /** Parses {@code verify}, {@code update} or {@code off} (any case); blank means {@link #VERIFY}. */
    public static BaselineMode parse(String value) {
        if (value == null || value.isBlank()) {
            return VERIFY;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + BaselineSettings.MODE + "='" + value
                    + "': use verify, update or off");
        }
    }
}
