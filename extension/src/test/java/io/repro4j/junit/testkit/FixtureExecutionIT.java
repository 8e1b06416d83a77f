package io.repro4j.junit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.junit.fixtures.ForkSmokeTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit keeps fixtures out of the source tree: a fixture that passes with the baseline gate on records its
 * baseline under the results root, never in the default {@code src/test/resources/repro4j-baselines}.
 */
class FixtureExecutionIT {

    private static final Path SOURCE_BASELINES = Path.of("src/test/resources/repro4j-baselines").toAbsolutePath();

    @TempDir
    Path results;

    @Test
    void aPassingFixtureRecordsItsBaselineUnderTheResultsRoot() throws IOException {
        FixtureExecution execution = FixtureExecution.of(ForkSmokeTestCase.class).method("trainsXgboostReproducibly")
                .configDir(FixtureExecution.testConfig()).resultsRoot(results)
                .parameter("repro4j.baseline", "verify").parameter("repro4j.ci", "false").execute();

        execution.tests().assertStatistics(stats -> stats.succeeded(1));
        try (Stream<Path> recorded = Files.list(results.resolve("fixture-baselines"))) {
            assertThat(recorded).singleElement().satisfies(p -> assertThat(p.toString())
                    .endsWith(execution.verdict().path("test_key").asText() + ".json"));
        }
        assertThat(SOURCE_BASELINES).as("the module's source tree").doesNotExist();
    }

    @Test
    void refusesABaselineDirectoryInTheSourceTree() {
        assertThatThrownBy(() -> FixtureExecution.of(ForkSmokeTestCase.class).resultsRoot(results)
                .parameter(FixtureExecution.BASELINE_DIR, SOURCE_BASELINES.toString()).execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source tree")
                .hasMessageContaining(SOURCE_BASELINES.toString());
    }
}
