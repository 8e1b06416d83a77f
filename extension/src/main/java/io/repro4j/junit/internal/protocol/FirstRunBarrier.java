package io.repro4j.junit.internal.protocol;

import io.repro4j.harness.results.ResultsLayout.ChildFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import org.apiguardian.api.API;

/**
 * Lets later runs write their snapshot only after run 1 has finished, so that run 1's snapshot is the older one
 * and each later run's {@code diff_prev.json} (the comparison with the newest earlier snapshot) starts from run 1
 * rather than from nothing. Run 1 signals by writing the test's result file; the parent writes the {@code exited}
 * marker when run 1's process ends (into the process directory and, for a shared child, into each test's folder),
 * so a later run never waits for a run 1 that crashed. Waiting is event-driven (a {@link WatchService}), never
 * polling.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class FirstRunBarrier {

    private FirstRunBarrier() {
    }

    /**
     * Blocks until run 1 has written the result of this test (whose files in run 1 are {@code firstRunTest}) or run
     * 1's process ({@code firstRunProcess}, the same files for a child of one test) has exited.
     */
    public static void await(ChildFiles firstRunTest, ChildFiles firstRunProcess) throws InterruptedException {
        try {
            Files.createDirectories(firstRunTest.dir());
            try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
                firstRunTest.dir().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
                // Checked after registering, so an event between the check and the wait cannot be lost; the process
                // marker is written before the parent marks the tests' folders, so one of the two is always seen.
                while (!passed(firstRunTest, firstRunProcess)) {
                    watcher.take().reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + firstRunTest.dir() + " for run 1 to finish: "
                    + e.getMessage(), e);
        }
    }

    private static boolean passed(ChildFiles test, ChildFiles process) {
        return Files.exists(test.result()) || Files.exists(test.exited()) || Files.exists(process.exited());
    }

    /**
     * Written by the parent once run 1's process is gone: into its process directory, then into the folder of every
     * test of a shared child, including folders a later run created while waiting.
     */
    public static void markExited(ChildFiles firstRun) {
        try {
            Files.createDirectories(firstRun.dir());
            Files.writeString(firstRun.exited(), "");
            Path tests = firstRun.dir().resolve(ChildRequest.Output.TESTS);
            if (Files.isDirectory(tests)) {
                try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tests, Files::isDirectory)) {
                    for (Path dir : dirs) {
                        Files.writeString(new ChildFiles(dir).exited(), "");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + firstRun.exited() + ": " + e.getMessage(), e);
        }
    }
}
