package io.repro4j.examples.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.testkit.FixtureExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs each documented negative control through the JUnit engine and proves that {@code @DeterministicTraining}
 * fails it, naming the fingerprint that moved. The build stays green because the failures are the expected outcome.
 *
 * <p>Each failure message is also written to {@code target/negative-controls/<fixture>.txt}: the README quotes one.
 */
class NegativeControlsIT {

    private static final Path MESSAGES = Path.of("target", "negative-controls");
    private static final Path RESULTS = MESSAGES.resolve("repro4j");

    @Test
    void featureColumnsInIdentityHashOrderDifferOnceRunsArePerturbed() throws IOException {
        String message = failureOf(HashSetFeatureOrderTestCase.class);
        assertThat(headline(message)).startsWith("Training is not reproducible: comparison_group.data_sha256")
                .contains("predictions_sha256", "model_sha256", "(identity-hash shift ");
    }

    @Test
    void aSeedFromTheClockMovesTheModel() throws IOException {
        String message = failureOf(WallClockSeedTestCase.class);
        // The seed is one of the estimator's parameters: the hyper-parameter signature moves with it.
        assertThat(headline(message)).startsWith("Training is not reproducible: comparison_group.hyperparameters_signature")
                .contains("predictions_sha256", "model_sha256").doesNotContain("data_sha256");
    }

    @Test
    void anUnseededShuffleMovesTheTrainingData() throws IOException {
        String message = failureOf(UnseededShuffleTestCase.class);
        assertThat(headline(message)).startsWith("Training is not reproducible: comparison_group.data_sha256")
                .contains("predictions_sha256", "model_sha256").doesNotContain("hyperparameters_signature");
    }

    /** The first line: what moved in the first differing run (the rest of the message names every field). */
    private static String headline(String message) {
        return message.lines().findFirst().orElse("");
    }

    /** Runs the fixture's single test and returns the message of its failure, which must be the only outcome. */
    private static String failureOf(Class<?> fixture) throws IOException {
        // Keep the expected DIFFERS verdicts out of target/repro4j, which `repro4j summary` reads.
        FixtureExecution execution = FixtureExecution.of(fixture).resultsRoot(RESULTS).execute();
        execution.tests().assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
        Throwable failure = execution.failure();
        assertThat(failure).isInstanceOf(AssertionError.class);
        String message = failure.getMessage();
        Files.createDirectories(MESSAGES);
        Files.writeString(MESSAGES.resolve(fixture.getSimpleName() + ".txt"), message + System.lineSeparator());
        return message;
    }
}
