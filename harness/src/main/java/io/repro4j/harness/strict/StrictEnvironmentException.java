package io.repro4j.harness.strict;

import io.repro4j.harness.Repro4jException;
import java.util.List;
import org.apiguardian.api.API;

/** Strict mode was configured but this JVM was not started in the strict environment; lists every violation. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public class StrictEnvironmentException extends Repro4jException {
    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public StrictEnvironmentException(String message, List<String> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** Each problem in words, e.g. {@code OMP_NUM_THREADS is '4', strict mode needs '1'}. */
    public List<String> violations() {
        return violations;
    }
}
