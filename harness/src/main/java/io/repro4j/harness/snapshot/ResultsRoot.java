package io.repro4j.harness.snapshot;

import java.nio.file.Path;
import java.util.Map;
import org.apiguardian.api.API;

/** Finds the results root: env {@code REPRO4J_RESULTS_DIR}, else {@code -Drepro4j.resultsDir}, else {@code target/repro4j}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ResultsRoot {

    /** The environment variable naming the results root. */
    public static final String ENV = "REPRO4J_RESULTS_DIR";
    /** The system property naming the results root. */
    public static final String PROPERTY = "repro4j.resultsDir";
    /** The default, relative to the working directory. */
    public static final String DEFAULT = "target/repro4j";

    private ResultsRoot() {
    }

    /** Resolves the root from the given environment and system properties; blank values are ignored. */
    public static Path resolve(Map<String, String> env, Map<String, String> sysProps) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String fromProperty = sysProps.get(PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty);
        }
        return Path.of(DEFAULT);
    }

    /** Resolves the root from this process's environment and system properties. */
    public static Path resolve() {
        String property = System.getProperty(PROPERTY);
        return resolve(System.getenv(), property == null ? Map.of() : Map.of(PROPERTY, property));
    }
}
