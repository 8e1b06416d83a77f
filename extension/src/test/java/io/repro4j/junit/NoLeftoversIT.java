package io.repro4j.junit;

import io.repro4j.junit.testkit.FixtureExecution;
import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.fixtures.ChildFailuresTestCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A child that is killed or halts after loading the native libraries leaves nothing behind: no process, no private
 * temp directory, no extracted native library ({@code deleteOnExit} does not run on SIGKILL or halt, so the parent
 * must clean up). Each child's {@code java.io.tmpdir} is {@code work/<test-key>/run-<k>/tmp}; the shared system
 * temp directory is not checked, because other builds on the machine write there concurrently.
 */
class NoLeftoversIT {

    @Test
    void leavesNoProcessOrTempFilesAfterATimeout() {
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "trainsThenHangs");

        assertThat(run.failureMessage()).contains("timed out");
        assertThat(ProcessHandle.current().descendants()).as("child processes after the timeout").isEmpty();
        assertNoTempLeftovers(run);
    }

    @Test
    void leavesNoProcessOrTempFilesAfterAHalt() {
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "trainsThenHalts");

        assertThat(run.failureMessage()).contains("exit code 3");
        assertThat(ProcessHandle.current().descendants()).as("child processes after the halt").isEmpty();
        assertNoTempLeftovers(run);
    }

    private static void assertNoTempLeftovers(FixtureExecution run) {
        Path work = run.workDirectory();
        assertThat(work).as("the test's work directory").isDirectory();
        assertThat(nativeLibraries(work)).as("native libraries extracted under %s", work).isEmpty();
        assertThat(privateTempDirectories(work)).as("private temp directories of the runs").isEmpty();
    }

    /** Each run's private {@code java.io.tmpdir} ({@code work/<test-key>/run-<k>/tmp}) that still exists. */
    private static List<Path> privateTempDirectories(Path work) {
        try (Stream<Path> runs = Files.list(work)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("run-"))
                    .map(p -> p.resolve("tmp"))
                    .filter(Files::exists)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Extracted XGBoost / LightGBM shared objects anywhere under {@code root}. */
    private static List<Path> nativeLibraries(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return (name.contains("xgboost4j") || name.contains("lightgbm"))
                                && (name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll"));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
