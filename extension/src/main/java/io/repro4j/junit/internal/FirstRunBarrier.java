package io.repro4j.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;

/**
 * Lets later runs write their snapshot only after run 1 has finished, so that run 1's snapshot is the older one
 * and each later run's {@code diff_prev.json} (the comparison with the newest earlier snapshot) starts from run 1
 * rather than from nothing. Run 1 signals by writing its result file; the parent writes {@link #EXITED} when run
 * 1's process ends in any other way. Waiting is event-driven (a {@link WatchService}), never polling.
 */
final class FirstRunBarrier {

    /** Marker the parent writes into run 1's work directory when its process has ended. */
    static final String EXITED = "exited";

    private FirstRunBarrier() {
    }

    /** Blocks until run 1 (whose work directory is {@code firstRunDir}) has written its result or has exited. */
    static void await(Path firstRunDir) throws InterruptedException {
        try {
            Files.createDirectories(firstRunDir);
            try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
                firstRunDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
                // Checked after registering, so an event between the check and the wait cannot be lost.
                while (!passed(firstRunDir)) {
                    watcher.take().reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + firstRunDir + " for run 1 to finish: " + e.getMessage(), e);
        }
    }

    private static boolean passed(Path firstRunDir) {
        return Files.exists(firstRunDir.resolve("result.json")) || Files.exists(firstRunDir.resolve(EXITED));
    }

    /** Written by the parent once run 1's process is gone. */
    static void markExited(Path firstRunDir) {
        try {
            Files.createDirectories(firstRunDir);
            Files.writeString(firstRunDir.resolve(EXITED), "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + firstRunDir.resolve(EXITED) + ": " + e.getMessage(), e);
        }
    }
}
