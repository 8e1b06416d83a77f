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
        assertThat(run.headline()).contains("predictions_sha256").contains("in run 2 of 2 (identity-hash shift");
        assertThat(run.movedFields()).contains("predictions_sha256", "model_sha256")
                .doesNotContain("comparison_group.hyperparameters_signature");
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
        assertThat(run.headline()).contains("comparison_group.hyperparameters_signature", "predictions_sha256")
                .contains("in run 2 of 2");
        assertThat(run.movedFields()).doesNotContain("comparison_group.data_sha256");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("DIFFERS");
    }

    @Test
    void failsWhenRowsAreShuffledWithAnUnseededRandom() {
        FixtureExecution run = FixtureExecution.execute(UnseededShuffleTestCase.class,
                "shufflesRowsWithAnUnseededRandom");

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class)));
        assertThat(run.headline()).contains("predictions_sha256").contains("in run 2 of 2");
        // The same rows were recorded in every run: the dataset is not what moved.
        assertThat(run.movedFields()).contains("predictions_sha256", "model_sha256")
                .doesNotContain("comparison_group.dataset_signature", "comparison_group.hyperparameters_signature");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("DIFFERS");
    }
}
