package io.repro4j.junit;

import io.repro4j.junit.testkit.FixtureExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import io.repro4j.junit.fixtures.IdentityHashColumnOrderTestCase;
import io.repro4j.junit.fixtures.UnseededShuffleTestCase;
import io.repro4j.junit.fixtures.WallClockSeedTestCase;
import org.junit.jupiter.api.Test;

/**
 * Code that really is not reproducible fails, and the verdict says which fingerprint moved. These controls diverge
 * across JVMs on any machine; without them a passing positive test would prove nothing (identical forks agree).
 */
class NegativeControlsIT {

    @Test
    void failsWhenColumnOrderFollowsIdentityHashes() {
        FixtureExecution run = FixtureExecution.execute(IdentityHashColumnOrderTestCase.class,
                "ordersColumnsByIdentityHash");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        assertThat(run.failureMessage())
                .containsIgnoringCase("run 2 of 2")
                .contains("predictions_sha256")
                .contains("identity-hash");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("DIFFERS");
        assertThat(run.reportEntries().keySet()).anyMatch(key -> key.startsWith("repro4j."));
    }

    @Test
    void identityHashOrderRepeatsAcrossUnperturbedForks() {
        // Why the perturbation exists: without it, two forks agree on identity-hash order.
        FixtureExecution run = FixtureExecution.execute(IdentityHashColumnOrderTestCase.class,
                "ordersColumnsByIdentityHashUnperturbed");

        run.tests().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("REPRODUCIBLE");
    }

    @Test
    void failsWhenTheModelIsSeededFromTheClock() {
        FixtureExecution run = FixtureExecution.execute(WallClockSeedTestCase.class, "seedsTheModelFromTheClock");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        assertThat(run.failureMessage())
                .containsIgnoringCase("run 2 of 2")
                .contains("hyperparameters_signature")
                .contains("predictions_sha256");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("DIFFERS");
    }

    @Test
    void failsWhenRowsAreShuffledWithAnUnseededRandom() {
        FixtureExecution run = FixtureExecution.execute(UnseededShuffleTestCase.class,
                "shufflesRowsWithAnUnseededRandom");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        String message = run.failureMessage();
        assertThat(message).containsIgnoringCase("run 2 of 2").contains("predictions_sha256").contains("identical:");
        // The same rows were recorded in every run: the dataset is not what moved.
        assertThat(message.substring(message.indexOf("identical:"))).contains("dataset_signature");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("DIFFERS");
    }
}
