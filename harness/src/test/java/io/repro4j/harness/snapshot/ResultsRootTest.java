package io.repro4j.harness.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsRootTest {

    @Test
    void environmentWinsOverSystemProperty() {
        assertThat(ResultsRoot.resolve(Map.of("REPRO4J_RESULTS_DIR", "/env"), Map.of("repro4j.resultsDir", "/prop")))
                .isEqualTo(Path.of("/env"));
    }

    @Test
    void systemPropertyWhenNoEnvironment() {
        assertThat(ResultsRoot.resolve(Map.of("REPRO4J_RESULTS_DIR", " "), Map.of("repro4j.resultsDir", "/prop")))
                .isEqualTo(Path.of("/prop"));
    }

    @Test
    void defaultsToTargetRepro4j() {
        assertThat(ResultsRoot.resolve(Map.of(), Map.of())).isEqualTo(Path.of("target/repro4j"));
    }
}
