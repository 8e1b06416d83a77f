package io.repro4j.junit.internal.report;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/** The results root of the test JVM: {@code repro4j.resultsDir} if given, else {@code target/repro4j}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ResultsLocation {

    /** Configuration parameter (or system property) naming the results root. */
    public static final String PROPERTY = "repro4j.resultsDir";
    /** The default, relative to the working directory (the module directory under Maven). */
    public static final String DEFAULT = "target/repro4j";

    private ResultsLocation() {
    }

    /** Resolves the root from a configuration parameter lookup that falls back to system properties. */
    public static Path resolve(Function<String, Optional<String>> parameters) {
        return Path.of(parameters.apply(PROPERTY).filter(s -> !s.isBlank()).orElse(DEFAULT));
    }
}
