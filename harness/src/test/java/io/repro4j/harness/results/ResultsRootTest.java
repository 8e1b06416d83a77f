package io.repro4j.harness.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ResultsRootTest {

    private static Function<String, Optional<String>> parameters(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void environmentWinsOverTheParameter() {
        assertThat(ResultsRoot.resolve(parameters(Map.of("repro4j.resultsDir", "/prop")),
                Map.of("REPRO4J_RESULTS_DIR", "/env"))).isEqualTo(Path.of("/env"));
    }

    @Test
    void parameterWhenTheEnvironmentIsBlank() {
        assertThat(ResultsRoot.resolve(parameters(Map.of("repro4j.resultsDir", "/prop")),
                Map.of("REPRO4J_RESULTS_DIR", " "))).isEqualTo(Path.of("/prop"));
    }

    @Test
    void defaultsToTargetRepro4jUnderTheWorkingDirectory() {
        assertThat(ResultsRoot.resolve(parameters(Map.of("repro4j.resultsDir", "")), Map.of()))
                .isEqualTo(Path.of("target/repro4j").toAbsolutePath());
    }

    @Test
    void relativeValuesBecomeAbsoluteAndNormalised() {
        assertThat(ResultsRoot.resolve(parameters(Map.of()), Map.of("REPRO4J_RESULTS_DIR", "out/../results")))
                .isEqualTo(Path.of("results").toAbsolutePath());
    }
}
