package io.repro4j.junit.smoke;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Smoke test of the whole path: real child JVMs training a real XGBoost model, then the verdict. */
class ForkSmokeIT {

    private static final String TRAINING_RUN = "io.repro4j.junit.TrainingRun";

    @Test
    void deterministicXgboostTrainingPasses() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ForkSmokeTestCase.class, "trainsXgboostReproducibly", TRAINING_RUN))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("trainsXgboostReproducibly"), finishedSuccessfully()));
    }

    @Test
    void aFailureInAChildFailsTheTestNamingTheRun() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ForkSmokeTestCase.class, "failsInTheChild", TRAINING_RUN))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("failsInTheChild"), finishedWithFailure(
                        message(m -> m.contains("Run 1 of 2 failed in its child JVM") && m.contains("run index")))));
    }
}
