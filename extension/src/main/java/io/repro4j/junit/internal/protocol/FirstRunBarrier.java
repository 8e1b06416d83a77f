package io.repro4j.junit.internal.protocol;

import io.repro4j.harness.results.ResultsLayout.ChildFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import org.apiguardian.api.API;

/**
 * Lets later runs write their snapshot only after run 1 has finished, so that run 1's snapshot is the older one
 * and each later run's {@code diff_prev.json} (the comparison with the newest earlier snapshot) starts from run 1
 * rather than from nothing. Run 1 signals by writing its result file; the parent writes the {@code exited} marker
 * when run 1's process ends in any other way. Waiting is event-driven (a {@link WatchService}), never polling.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class FirstRunBarrier {

    private FirstRunBarrier() {
    }

    /** Blocks until run 1 (whose files are {@code firstRun}) has written its result or has exited. */
    public static void await(ChildFiles firstRun) throws InterruptedException {
        try {
            Files.createDirectories(firstRun.dir());
            try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
                firstRun.dir().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
                // Checked after registering, so an event between the check and the wait cannot be lost.
                while (!passed(firstRun)) {
                    watcher.take().reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + firstRun.dir() + " for run 1 to finish: " + e.getMessage(),
                    e);
        }
    }

    private static boolean passed(ChildFiles firstRun) {
        return Files.exists(firstRun.result()) || Files.exists(firstRun.exited());
    }

    /** Written by the parent once run 1's process is gone. */
    public static void markExited(ChildFiles firstRun) {
        try {
            Files.createDirectories(firstRun.dir());
            Files.writeString(firstRun.exited(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + firstRun.exited() + ": " + e.getMessage(), e);
        }
    }
}
