package io.repro4j.harness.results;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Where a JVM writes its results; the one lookup every part of repro4j uses (snapshot writer, JUnit extension, report,
 * CLI). In order, the first non-blank value wins:
 * <ol>
 *   <li>the environment variable {@value #ENV} (what {@code repro4j verify} gives each run of a command);</li>
 *   <li>the JUnit configuration parameter or system property {@value #PROPERTY};</li>
 *   <li>{@value #DEFAULT} under the working directory.</li>
 * </ol>
 * This is the precedence of every repro4j setting: environment over system properties over defaults. Code that
 * names a root explicitly ({@code RunRecorder.Builder#resultsRoot}) bypasses the lookup.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ResultsRoot {

    /** The environment variable naming the results root. */
    public static final String ENV = "REPRO4J_RESULTS_DIR";
    /** The system property (and JUnit configuration parameter) naming the results root. */
    public static final String PROPERTY = "repro4j.resultsDir";
    /** The default, relative to the working directory. */
    public static final String DEFAULT = "target/repro4j";

    private ResultsRoot() {
    }

    /**
     * The absolute results root.
     *
     * @param parameters looks up {@value #PROPERTY} (a JUnit configuration parameter or system property)
     * @param env the process environment
     */
    public static Path resolve(Function<String, Optional<String>> parameters, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        String chosen = fromEnv != null && !fromEnv.isBlank() ? fromEnv
                : parameters.apply(PROPERTY).filter(v -> !v.isBlank()).orElse(DEFAULT);
        return Path.of(chosen.strip()).toAbsolutePath().normalize();
    }

    /** The absolute results root from this process's environment and system properties. */
    public static Path resolve() {
        return resolve(key -> Optional.ofNullable(System.getProperty(key)), System.getenv());
    }
}
