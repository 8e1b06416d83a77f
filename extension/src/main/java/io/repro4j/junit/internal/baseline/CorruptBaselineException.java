package io.repro4j.junit.internal.baseline;

import java.nio.file.Path;
import org.apiguardian.api.API;

/** A baseline file that cannot be used: unreadable, not JSON, truncated, or missing a key. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CorruptBaselineException extends RuntimeException {

    private final transient Path file;
    private final String problem;

    /** A problem with {@code file}; {@code problem} says what and where (line, column, key). */
    public CorruptBaselineException(Path file, String problem, Throwable cause) {
        super("Baseline file " + file + " is corrupt: " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The unusable file. */
    public Path file() {
        return file;
    }

    /** What is wrong with it and where. */
    public String problem() {
        return problem;
    }
}
