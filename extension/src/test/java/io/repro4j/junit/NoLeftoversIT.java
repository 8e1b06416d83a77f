package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.fixtures.ChildFailuresTestCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A child that is killed or halts after loading the native libraries leaves nothing behind: no process, no private
 * temp directory, no extracted native library ({@code deleteOnExit} does not run on SIGKILL or halt, so the parent
 * must clean up).
 */
class NoLeftoversIT {

    private static final Path SYSTEM_TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void leavesNoProcessOrTempFilesAfterATimeout() {
        FileTime started = now();
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "trainsThenHangs");

        assertThat(run.failureMessage()).contains("timed out");
        assertThat(ProcessHandle.current().descendants()).as("child processes after the timeout").isEmpty();
        assertNoTempLeftovers(run, started);
    }

    @Test
    void leavesNoProcessOrTempFilesAfterAHalt() {
        FileTime started = now();
        FixtureExecution run = FixtureExecution.execute(ChildFailuresTestCase.class, "trainsThenHalts");

        assertThat(run.failureMessage()).contains("exit code 3");
        assertThat(ProcessHandle.current().descendants()).as("child processes after the halt").isEmpty();
        assertNoTempLeftovers(run, started);
    }

    private static void assertNoTempLeftovers(FixtureExecution run, FileTime started) {
        Path work = run.workDirectory();
        assertThat(work).as("the test's work directory").isDirectory();
        assertThat(nativeLibraries(work)).as("native libraries extracted under %s", work).isEmpty();
        assertThat(privateTempDirectories(work)).as("private temp directories of the runs").isEmpty();
        assertThat(newEntriesNamedRepro4j(SYSTEM_TMP, started)).as("repro4j temp entries in %s", SYSTEM_TMP).isEmpty();
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

    private static List<Path> newEntriesNamedRepro4j(Path dir, FileTime since) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().toLowerCase().contains("repro4j"))
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).compareTo(since) >= 0;
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime now() {
        return FileTime.fromMillis(System.currentTimeMillis() - 5);
    }
}
