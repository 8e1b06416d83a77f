package io.repro4j.junit;

import io.repro4j.junit.testkit.FixtureExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import io.repro4j.junit.fixtures.PerturbationTestCase;
import org.junit.jupiter.api.Test;

/**
 * Each perturbation exposes the code that depends on it, and names itself in the verdict; the same code passes
 * unperturbed, and reproducible trainings pass under every perturbation at once.
 */
class PerturbationIT {

    @Test
    void moreThreadsExposeAParallelFloatingPointSum() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class, "sumsInParallelUnderMoreThreads");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        assertThat(run.failureMessage())
                .containsIgnoringCase("thread")
                .contains("metrics_sha256")
                .contains("predictions_sha256");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("DIFFERS");
    }

    @Test
    void aParallelSumRepeatsWithTheSameThreads() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class, "sumsInParallelUnperturbed");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void anotherLocaleAndTimeZoneExposeDefaultLocaleFormatting() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class,
                "formatsWithTheDefaultLocaleUnderAnotherLocale");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        assertThat(run.failureMessage()).containsIgnoringCase("locale").contains("data_sha256");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("DIFFERS");
    }

    @Test
    void defaultLocaleFormattingRepeatsUnperturbed() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class,
                "formatsWithTheDefaultLocaleUnperturbed");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void anotherWorkingDirectoryExposesRelativeInputDiscovery() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class,
                "readsTheWorkingDirectoryUnderAnotherDirectory");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        assertThat(run.failureMessage()).containsIgnoringCase("working").contains("data_sha256");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("DIFFERS");
    }

    @Test
    void relativeInputDiscoveryRepeatsUnperturbed() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class,
                "readsTheWorkingDirectoryUnperturbed");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void xgboostIsReproducibleUnderEveryPerturbation() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class, "xgboostUnderEveryPerturbation");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
    }

    @Test
    void lightGbmIsReproducibleUnderEveryPerturbation() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class, "lightGbmUnderEveryPerturbation");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
    }
}
