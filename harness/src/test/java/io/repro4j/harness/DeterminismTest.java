package io.repro4j.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @AfterEach
    void forgetTheConfiguration() {
        Determinism.useConfiguration(null); // the next call loads from the environment again
    }

    @Test
    void useConfigurationIsWhatLaterCallsSee() {
        ReproducibilityConfig bestEffort = ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT).seed(7).build();
        Determinism.useConfiguration(bestEffort);

        assertThat(Determinism.loadReproducibilityConfig()).isSameAs(bestEffort);
        assertThat(Determinism.isStrictMode()).isFalse();
    }

    @Test
    void useConfigurationWaitsForALoadInProgressInsteadOfBeingOverwrittenByIt() throws InterruptedException {
        ReproducibilityConfig chosen = ReproducibilityConfig.builder().seed(11).build();
        Thread setter = new Thread(() -> Determinism.useConfiguration(chosen), "useConfiguration");
        // Holding the lock the first load runs under stands for a load in progress on another thread: a value set
        // without waiting for it would be overwritten by the loaded file when that load finishes.
        synchronized (Determinism.class) {
            setter.start();
            while (setter.getState() != Thread.State.BLOCKED) {
                if (setter.getState() == Thread.State.TERMINATED) {
                    fail("useConfiguration did not wait for the load in progress");
                }
                Thread.onSpinWait();
            }
        }
        setter.join();

        assertThat(Determinism.loadReproducibilityConfig()).isSameAs(chosen);
    }
}
