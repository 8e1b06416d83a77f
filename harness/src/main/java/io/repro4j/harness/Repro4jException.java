package io.repro4j.harness;

import org.apiguardian.api.API;

/** Base of every error repro4j raises; its message says what was wrong, where, and what to do. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class Repro4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error whose {@code message} says what was wrong, where, and what to do. */
    public Repro4jException(String message) {
        super(message);
    }

    /** An error with an actionable {@code message}, caused by {@code cause}. */
    public Repro4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
