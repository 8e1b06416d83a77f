package io.repro4j.junit.smoke;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Smoke test of the fork machinery: real child JVMs running fixtures of {@link ForkSmokeTestCase}. */
class ForkSmokeIT {

    @Test
    void runsTheBodyInStrictChildJvms() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ForkSmokeTestCase.class, "forksWithoutTraining",
                        "io.repro4j.junit.TrainingRun"))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("forksWithoutTraining"), finishedSuccessfully()));
    }

    @Test
    void reportsAChildFailureWithItsRun() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ForkSmokeTestCase.class, "failsInTheChild", "io.repro4j.junit.TrainingRun"))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("failsInTheChild"), finishedWithFailure(
                        message(m -> m.contains("Run 1 of 2 failed in its child JVM") && m.contains("run index")))));
    }
}
