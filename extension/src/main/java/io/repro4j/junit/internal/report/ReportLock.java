package io.repro4j.junit.internal.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * Serialises report generation across threads and JVMs sharing one results root ({@code report/.lock}). A file lock
 * alone is per process (a second lock from the same JVM throws), hence the in-process lock around it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ReportLock implements AutoCloseable {

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private ReportLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Blocks until this thread holds the lock file {@code lockFile}. */
    public static ReportLock acquire(Path lockFile) throws IOException {
        Files.createDirectories(lockFile.getParent());
        IN_PROCESS.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new ReportLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_PROCESS.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
