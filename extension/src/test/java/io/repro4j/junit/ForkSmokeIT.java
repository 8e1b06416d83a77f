package io.repro4j.junit;

import io.repro4j.junit.fixtures.ForkSmokeTestCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Smoke test of the whole path: real child JVMs training a real XGBoost model, then the verdict. */
class ForkSmokeIT {

    private static final String TRAINING_RUN = "io.repro4j.junit.TrainingRun";

    @Test
    void deterministicXgboostTrainingPasses() throws IOException {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ForkSmokeTestCase.class, "trainsXgboostReproducibly", TRAINING_RUN))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("trainsXgboostReproducibly"), finishedSuccessfully()));

        JsonNode verdict = readJson(verdictFile("ForkSmokeTestCase.trainsXgboostReproducibly-"));
        assertThat(verdict.path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        assertThat(verdict.path("fingerprints").path("model_sha256").asText()).hasSize(64);
        Path secondRun = Path.of(verdict.path("runs").get(1).path("snapshot_dir").asText());
        assertThat(readJson(secondRun.resolve("diff_prev.json")).path("prev_snapshot").asText())
                .as("run 2's diff_prev.json (the test JVM writes it) compares with run 1")
                .contains(".run-1" + File.separator);
        Path firstRun = Path.of(verdict.path("runs").get(0).path("snapshot_dir").asText());
        assertThat(readJson(firstRun.resolve("diff_prev.json")).path("current_run_id").asText())
                .isEqualTo(readJson(firstRun.resolve("snapshot.json")).path("run_id").asText());
    }

    private static Path verdictFile(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target", "repro4j", "verdicts"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void aFailureInAChildFailsTheTestNamingTheRun() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ForkSmokeTestCase.class, "failsInTheChild", TRAINING_RUN))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("failsInTheChild"), finishedWithFailure(
                        message(m -> m.contains("Run 1 of 2 failed in its child JVM") && m.contains("run index")))));
    }
}
