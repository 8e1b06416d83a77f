package io.repro4j.junit.internal.fork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Bounds the child JVMs running at once for one results root across every test JVM that writes there (Surefire's
 * {@code forkCount}, Surefire and Failsafe of one module, parallel test execution): {@code count} slot files under
 * {@code <results root>/slots/}, each held with a file lock while its child runs. A test JVM that dies releases its
 * locks with its process.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
final class ChildSlots {

    /** How long to wait before trying every slot again, when all are taken. */
    private static final long RETRY_MILLIS = 20;

    /** Slots this JVM holds, per slot directory: a file lock cannot be taken twice by one JVM. */
    private static final Map<Path, Set<Integer>> HELD = new ConcurrentHashMap<>();

    private ChildSlots() {
    }

    /**
     * Takes one of {@code count} slots in {@code dir}, waiting for one to become free.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    static Slot acquire(Path dir, int count) throws InterruptedException {
        Set<Integer> held = HELD.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> ConcurrentHashMap.newKeySet());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the child slot directory " + dir + ": " + e.getMessage(), e);
        }
        while (true) {
            for (int i = 0; i < count; i++) {
                if (!held.add(i)) {
                    continue;
                }
                Slot slot = tryLock(dir.resolve("slot-" + i + ".lock"), i, held);
                if (slot != null) {
                    return slot;
                }
                held.remove(i);
            }
            Thread.sleep(RETRY_MILLIS);
        }
    }

    private static Slot tryLock(Path file, int index, Set<Integer> held) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new Slot(channel, lock, index, held);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // taken, or not lockable right now: try the next one
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was held
            }
        }
        return null;
    }

    /** One held slot; closing it (any number of times) frees it. */
    static final class Slot implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final int index;
        private final Set<Integer> held;
        private boolean closed;

        private Slot(FileChannel channel, FileLock lock, int index, Set<Integer> held) {
            this.channel = channel;
            this.lock = lock;
            this.index = index;
            this.held = held;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock; so does the end of this JVM
            } finally {
                held.remove(index);
            }
        }
    }
}
