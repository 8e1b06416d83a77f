package io.repro4j.examples.spark.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.testkit.FixtureExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the Spark negative control through the JUnit engine and proves that {@code @DeterministicTraining} catches it
 * under the partitioning perturbation, naming the model and the perturbation. Its message is written to
 * {@code target/negative-controls/RepartitionWithoutKeysTestCase.txt}.
 */
class SparkNegativeControlIT {

    private static final Path MESSAGES = Path.of("target", "negative-controls");

    @Test
    void repartitioningWithoutKeysMovesTheModelUnderOtherPartitioningDefaults() throws IOException {
        FixtureExecution execution = FixtureExecution.of(RepartitionWithoutKeysTestCase.class)
                .resultsRoot(MESSAGES.resolve("repro4j")).execute();

        execution.tests().assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
        assertThat(execution.failure()).isInstanceOf(AssertionError.class);
        String message = execution.failureMessage();
        Files.createDirectories(MESSAGES);
        Files.writeString(MESSAGES.resolve("RepartitionWithoutKeysTestCase.txt"), message + System.lineSeparator());
        assertThat(message.lines().findFirst().orElseThrow()).startsWith("Training is not reproducible: metrics_sha256")
                .contains("model_sha256").contains("(identity-hash shift 17, Spark partitioning: parallelism 3");
        assertThat(message).contains("DeterministicSpark.canonical(data, numWorkers, keyColumns…)");
    }
}
