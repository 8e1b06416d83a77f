package io.repro4j.junit;

import io.repro4j.junit.testkit.FixtureExecution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;

import io.repro4j.junit.fixtures.InvalidAttributesTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A misused attribute fails the test with a message naming it, before any child JVM starts: nothing appears under
 * the work directory and no process is left.
 */
class AttributeValidationTest {

    private static final String HUNDRED_A = "aaaaaaaaa/".repeat(10);

    @ParameterizedTest(name = "{0} fails naming {1}")
    @CsvSource({
            "oneChild,          runs",
            "zeroTimeout,       timeoutSeconds",
            "specificViewAlone, symbol",
            "missingExperiment, config",
            "escapingName,      target",
    })
    void rejectsTheAttributeBeforeForking(String method, String named) throws IOException {
        List<Path> before = workTree();

        FixtureExecution run = FixtureExecution.execute(InvalidAttributesTestCase.class, method);

        run.tests().assertThatEvents().haveExactly(1, finishedWithFailure());
        // Fixture method names avoid the attribute names, so only the extension's own message can name them.
        assertThat(run.failure()).isNotInstanceOf(ParameterResolutionException.class);
        assertThat(run.failureMessage()).contains(named);
        assertThat(workTree()).as("work directories after %s", method).isEqualTo(before);
        assertThat(ProcessHandle.current().descendants()).as("child processes").isEmpty();
        // The refused test is in the report too: an ERROR verdict without runs, with the refusal as its message.
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("ERROR");
        assertThat(run.verdict().path("runs")).isEmpty();
        assertThat(run.verdict().path("message").asText()).contains(named);
    }

    @org.junit.jupiter.api.Test
    void longValuesAreCutInMessages() {
        FixtureExecution run = FixtureExecution.execute(InvalidAttributesTestCase.class, "overlongTarget");

        assertThat(run.failureMessage()).contains("target = 'aaaaaaaaa/aaaaaaaaa/").contains("(300 characters)")
                .doesNotContain(HUNDRED_A);
    }

    @ParameterizedTest(name = "{0} names the attribute {1}")
    @CsvSource({
            "missingExperiment, nope",
            "escapingName,      ../../etc",
    })
    void namesTheAttributeAndTheOffendingValue(String method, String named) {
        FixtureExecution run = FixtureExecution.execute(InvalidAttributesTestCase.class, method);

        assertThat(run.failure()).isNotInstanceOf(ParameterResolutionException.class);
        assertThat(run.failureMessage()).contains(named);
    }

    private static List<Path> workTree() throws IOException {
        if (!Files.isDirectory(FixtureExecution.WORK_ROOT)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(FixtureExecution.WORK_ROOT)) {
            return paths.sorted().toList();
        }
    }
}
