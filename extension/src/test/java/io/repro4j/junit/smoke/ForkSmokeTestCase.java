package io.repro4j.junit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import org.junit.jupiter.api.Test;

/** Fixtures for {@link ForkSmokeIT}; run only through the EngineTestKit. */
class ForkSmokeTestCase {

    @Test
    @DeterministicTraining(requireLedger = false, requireRecords = false)
    void forksWithoutTraining(TrainingRun run) {
        assertThat(System.getenv("OMP_NUM_THREADS")).isEqualTo("1");
        assertThat(run.runIndex()).isBetween(1, 2);
    }

    @Test
    @DeterministicTraining(requireLedger = false, requireRecords = false)
    void failsInTheChild(TrainingRun run) {
        assertThat(run.runIndex()).as("run index").isEqualTo(99);
    }
}
