package io.repro4j.junit;

import io.repro4j.junit.testkit.FixtureExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.junit.fixtures.PerturbationTestCase;
import io.repro4j.junit.internal.protocol.RunPerturbations;
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
        assertThat(run.headline()).contains("metrics_sha256", "predictions_sha256").endsWith("(2 threads).");
        assertThat(run.movedFields()).doesNotContain("comparison_group.data_sha256");
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
        assertThat(run.headline()).contains("comparison_group.data_sha256").contains("locale ", "time zone ");
        assertThat(run.movedFields()).doesNotContain("comparison_group.hyperparameters_signature");
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
        assertThat(run.headline()).contains("comparison_group.data_sha256").endsWith("(fresh working directory).");
        assertThat(run.movedFields()).doesNotContain("comparison_group.hyperparameters_signature");
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
        // What each run really had, as its JVM saw it, not what it was asked for.
        JsonNode first = run.snapshotOfRun(1).path("run_context").path("applied");
        JsonNode second = run.snapshotOfRun(2).path("run_context").path("applied");
        assertThat(first.path("force_single_thread").asBoolean()).isTrue();
        assertThat(first.path("estimator_threads").path(0).path("nthread").asInt()).isEqualTo(1);
        assertThat(first.path("thread_variables").path("OMP_NUM_THREADS").asText()).isEqualTo("1");
        assertThat(first.path("common_pool_parallelism").asInt()).isEqualTo(1);
        assertThat(second.path("force_single_thread").asBoolean()).isFalse();
        // No nthread: the library chose its threads (from OMP_NUM_THREADS), as THREADS intends.
        assertThat(second.path("estimator_threads").path(0).path("nthread").isNull()).isTrue();
        assertThat(second.path("thread_variables").path("OMP_NUM_THREADS").asText()).isEqualTo("2");
        assertThat(second.path("common_pool_parallelism").asInt()).isEqualTo(2);
        assertThat(first.path("time_zone").asText()).isNotEqualTo(RunPerturbations.PERTURBED_TIME_ZONE);
        assertThat(second.path("time_zone").asText()).isEqualTo(RunPerturbations.PERTURBED_TIME_ZONE);
        assertThat(second.path("locale").asText()).isEqualTo(RunPerturbations.PERTURBED_LANGUAGE + "-"
                + RunPerturbations.PERTURBED_COUNTRY);
        assertThat(second.path("working_directory").asText()).endsWith("run-2/cwd")
                .isNotEqualTo(first.path("working_directory").asText());
    }

    @Test
    void lightGbmIsReproducibleUnderEveryPerturbation() {
        FixtureExecution run = FixtureExecution.execute(PerturbationTestCase.class, "lightGbmUnderEveryPerturbation");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
    }
}
