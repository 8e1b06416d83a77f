package io.repro4j.junit;

import io.repro4j.junit.testkit.FixtureExecution;
import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.fixtures.ChildFailuresTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A child that crashes, hangs, throws or breaks the contract fails the test with a message saying which and where. */
class ChildFailuresIT {

    @Test
    void failsNamingTheRunAndExitCodeWhenTheChildExits() {
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "exitsTheJvm");

        String message = run.failureMessage();
        assertThat(message).containsPattern("(?i)\\brun [12] of 2\\b").contains("exit code 3");
        assertThat(existingFilesNamedIn(message)).as("log files named in: %s", message).isNotEmpty();
    }

    @Test
    void failsSayingItTimedOutWhenTheChildHangs() {
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "hangs");

        assertThat(run.failureMessage()).contains("timed out").contains("5 s");
    }

    @Test
    void failsWithTheBodysExceptionWhenTheChildThrows() {
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "throwsFromTheBody");

        assertThat(run.failureMessage()).contains("boom").contains("IllegalStateException");
    }

    @Test
    void failsWhenTheBodyRecordsNothing() {
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "trainsButRecordsNothing");

        assertThat(run.failureMessage()).containsIgnoringCase("nothing").containsIgnoringCase("record");
    }

    @Test
    void failsWhenNoEstimatorWentThroughTheChokePoint() {
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "trainsAroundTheChokePoint");

        assertThat(run.failureMessage())
                .contains("without going through the choke point").contains("DeterministicXGBoost.train")
                .contains("estimator ledger is empty")
                .contains("requireLedger");
    }

    /** Tokens of {@code message} that are paths of existing regular files. */
    static List<Path> existingFilesNamedIn(String message) {
        return Arrays.stream(message.split("[\\s'\"`()<>,;]+"))
                .map(token -> token.replaceAll("[.:]+$", ""))
                .filter(token -> token.contains("/") || token.contains("\\"))
                .map(token -> {
                    try {
                        return Paths.get(token);
                    } catch (RuntimeException notAPath) {
                        return null;
                    }
                })
                .filter(path -> path != null && Files.isRegularFile(path))
                .toList();
    }
}
