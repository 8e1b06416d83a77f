package io.repro4j.junit.internal.report;

import io.repro4j.junit.internal.ExtensionSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The results root of the test JVM, found as the extension finds it: {@code repro4j.resultsDir}, else env
 * {@code REPRO4J_RESULTS_DIR}, else {@code target/repro4j}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ResultsLocation {

    private ResultsLocation() {
    }

    /** Resolves the root from configuration parameters (falling back to system properties) and the environment. */
    public static Path resolve(Function<String, Optional<String>> parameters, Map<String, String> environment) {
        return parameters.apply(ExtensionSettings.RESULTS_DIR).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(environment.get(ExtensionSettings.RESULTS_DIR_ENV))
                        .filter(s -> !s.isBlank()))
                .map(Path::of)
                .orElse(Path.of(ExtensionSettings.DEFAULT_RESULTS_DIR));
    }
}
