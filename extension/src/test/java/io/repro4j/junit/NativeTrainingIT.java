package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.fixtures.NativeTrainingTestCase;
import io.repro4j.junit.testkit.FixtureExecution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Native-API training under {@code @DeterministicTraining}: compared by its booster's bytes, and checked recorded. */
class NativeTrainingIT {

    private static Snapshot runOne(FixtureExecution run) {
        JsonNode runs = run.verdict().path("runs");
        return Snapshot.read(Path.of(runs.get(0).path("snapshot_dir").asText()));
    }

    @Test
    void aCsrBoosterWithEarlyStoppingIsReproducibleAndItsLedgerShowsThePolicy() {
        FixtureExecution run = FixtureExecution.execute(NativeTrainingTestCase.class,
                "csrBoosterWithEarlyStopping");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        JsonNode json = runOne(run).json();
        assertThat(json.get("model_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("predictions_f64_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("predictions_sha256").asText()).as("one column: the reference fingerprint of it")
                .matches("[0-9a-f]{64}");
        JsonNode entry = json.get("estimator_ledger").get(0);
        assertThat(entry.get("entry_point").asText()).isEqualTo("DeterministicXGBoost.train");
        assertThat(entry.path("requested_params").get("nthread").asInt()).isEqualTo(8);
        assertThat(entry.path("requested_params").get("device").asText()).isEqualTo("cuda");
        JsonNode effective = entry.get("effective_params");
        assertThat(effective.get("nthread").asInt()).isEqualTo(1);
        assertThat(effective.get("device").asText()).isEqualTo("cpu");
        assertThat(effective.get("seed").asLong()).isEqualTo(run.verdict().path("runs").get(0).get("seed").asLong());
    }

    @Test
    void rowsShuffledByAnUnseededRandomMoveTheModel() {
        FixtureExecution run = FixtureExecution.execute(NativeTrainingTestCase.class,
                "csrBoosterOnRowsShuffledByAnUnseededRandom");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        List<String> fields = new ArrayList<>();
        run.verdict().path("differences").forEach(d -> fields.add(d.path("field").asText()));
        assertThat(fields).contains("model_sha256", "predictions_f64_sha256");
        assertThat(run.failureMessage().lines().findFirst().orElseThrow()).contains("model_sha256");
    }

    @Test
    void aNativeTrainingWhoseModelIsNeverRecordedFailsNamingTheCallToAdd() {
        FixtureExecution run = FixtureExecution.execute(NativeTrainingTestCase.class,
                "nativeTrainingThatNeverRecordsItsModel");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        assertThat(run.failureMessage()).contains("Determinism.nativeTraining(LIGHTGBM, …) at "
                + NativeTrainingTestCase.class.getName() + ".nativeTrainingThatNeverRecordsItsModel:")
                .contains("never recorded").contains("recordLightGbmModel");
    }
}
