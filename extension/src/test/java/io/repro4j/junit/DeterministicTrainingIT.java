package io.repro4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.junit.testkit.FixtureExecution;
import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.fixtures.DeterministicLightGbmClassificationTestCase;
import io.repro4j.junit.fixtures.DeterministicXgboostRegressionTestCase;
import org.junit.jupiter.api.Test;

/** Reproducible trainings pass, and leave their verdict and report entries behind. */
class DeterministicTrainingIT {

    @Test
    void passesWhenXgboostRegressionIsReproducible() {
        FixtureExecution run = FixtureExecution.execute(DeterministicXgboostRegressionTestCase.class,
                "trainsReproducibly");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        assertThat(run.reportEntries()).isNotEmpty()
                .allSatisfy((key, value) -> assertThat(key).startsWith("repro4j."));
        assertTrainedWithTheDerivedSeed(run);
    }

    @Test
    void theDerivedSeedIsWhatTheModelTrainsWith() {
        FixtureExecution seed42 = FixtureExecution.execute(DeterministicXgboostRegressionTestCase.class,
                "trainsReproducibly");
        // Read now: the second execution of the same test replaces its verdict file.
        JsonNode a = seed42.verdict().path("fingerprints");
        FixtureExecution seed43 = FixtureExecution.of(DeterministicXgboostRegressionTestCase.class)
                .method("trainsReproducibly").configDir(FixtureExecution.testConfig())
                .parameter(ConfigParameter.SEED.key(), "43").execute();

        seed43.tests().assertStatistics(stats -> stats.succeeded(1));
        assertTrainedWithTheDerivedSeed(seed43);
        JsonNode b = seed43.verdict().path("fingerprints");
        assertThat(b.path("comparison_group.train_seed").asText())
                .isNotEqualTo(a.path("comparison_group.train_seed").asText());
        assertThat(b.path("model_sha256").asText()).as("another seed trains another model")
                .isNotEqualTo(a.path("model_sha256").asText());
    }

    /** Every run's ledger seed and the seed XGBoost or LightGBM got are the derived train seed of the snapshot. */
    private static void assertTrainedWithTheDerivedSeed(FixtureExecution run) {
        for (int k = 1; k <= run.verdict().path("runs").size(); k++) {
            JsonNode snapshot = run.snapshotOfRun(k);
            long trainSeed = snapshot.path("comparison_group").path("train_seed").asLong();
            assertThat(trainSeed).isEqualTo(run.verdict().path("runs").path(k - 1).path("seed").asLong());
            int index = k;
            assertThat(snapshot.path("estimator_ledger")).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.path("seed").asLong()).as("ledger seed of run %s", index).isEqualTo(trainSeed);
                assertThat(entry.path("effective_params").path("seed").asLong()).isEqualTo(trainSeed);
            });
        }
    }

    @Test
    void passesWhenLightGbmClassificationIsReproducible() {
        FixtureExecution run = FixtureExecution.execute(DeterministicLightGbmClassificationTestCase.class,
                "trainsReproducibly");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        assertThat(run.reportEntries().keySet()).anyMatch(key -> key.startsWith("repro4j."));
        assertTrainedWithTheDerivedSeed(run);
    }

    @Test
    void passesForASymbolSpecificTraining() {
        FixtureExecution run = FixtureExecution.execute(DeterministicXgboostRegressionTestCase.class,
                "trainsReproduciblyForOneSymbol");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
    }
}
