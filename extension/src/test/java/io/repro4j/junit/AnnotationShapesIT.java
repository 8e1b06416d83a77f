package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.fixtures.AnnotationShapesTestCase;
import io.repro4j.junit.testkit.FixtureExecution;
import org.junit.jupiter.api.Test;

/** {@code @DeterministicTraining} declares a test by itself, checks every invocation of a template, refuses factories. */
class AnnotationShapesIT {

    @Test
    void aloneItIsATestThatForksAndPasses() {
        FixtureExecution run = FixtureExecution.execute(AnnotationShapesTestCase.class, "alone");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        assertThat(run.verdict().path("runs")).hasSize(2);
    }

    @Test
    void aloneItFailsWhenTheRunsDiffer() {
        FixtureExecution run = FixtureExecution.execute(AnnotationShapesTestCase.class, "aloneWithAClockSeed");

        assertThat(run.failureMessage().lines().findFirst().orElseThrow())
                .startsWith("Training is not reproducible: comparison_group.hyperparameters_signature")
                .endsWith("differ in run 2 of 2.");
    }

    @Test
    void everyRepetitionOfARepeatedTestIsChecked() {
        FixtureExecution run = FixtureExecution.execute(AnnotationShapesTestCase.class, "repeated");

        run.tests().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(run.verdictFiles()).hasSize(2);
    }

    @Test
    void everyInvocationOfAParameterizedTestIsChecked() {
        FixtureExecution run = FixtureExecution.execute(AnnotationShapesTestCase.class, "parameterized");

        run.tests().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(run.verdictFiles()).hasSize(2);
    }

    @Test
    void aTestFactoryFailsSayingWhatToWriteAndItsDynamicTestsNeverRun() {
        int before = AnnotationShapesTestCase.FACTORY_BODIES.get();

        FixtureExecution run = FixtureExecution.execute(AnnotationShapesTestCase.class, "factory");

        assertThat(AnnotationShapesTestCase.FACTORY_BODIES.get()).as("factory bodies run").isEqualTo(before);
        assertThat(run.results().allEvents().failed().count()).as("failed events").isPositive();
        assertThat(run.results().testEvents().started().count()).as("dynamic tests started").isZero();
        assertThat(run.results().allEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage()))
                .allMatch(m -> m.contains("@DeterministicTraining cannot check the @TestFactory")
                        && m.contains("annotated with @DeterministicTraining alone"));
    }

    @Test
    void aTestFactoryInAnAnnotatedClassFailsToo() {
        int before = AnnotationShapesTestCase.FACTORY_BODIES.get();

        FixtureExecution run = FixtureExecution.of(AnnotationShapesTestCase.OnTheClassTestCase.class)
                .configDir(FixtureExecution.testConfig()).execute();

        assertThat(AnnotationShapesTestCase.FACTORY_BODIES.get()).isEqualTo(before);
        assertThat(run.results().allEvents().failed().count()).isPositive();
        assertThat(run.results().testEvents().started().count()).isZero();
    }
}
