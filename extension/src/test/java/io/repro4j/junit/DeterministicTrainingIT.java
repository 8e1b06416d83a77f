package io.repro4j.junit;

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
    }

    @Test
    void passesWhenLightGbmClassificationIsReproducible() {
        FixtureExecution run = FixtureExecution.execute(DeterministicLightGbmClassificationTestCase.class,
                "trainsReproducibly");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        assertThat(run.reportEntries().keySet()).anyMatch(key -> key.startsWith("repro4j."));
    }

    @Test
    void passesForASymbolSpecificTraining() {
        FixtureExecution run = FixtureExecution.execute(DeterministicXgboostRegressionTestCase.class,
                "trainsReproduciblyForOneSymbol");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
    }
}
