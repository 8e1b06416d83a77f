package io.repro4j.harness.results;

import io.repro4j.harness.Repro4jException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Writes files so that readers see either the old or the new content, never a partial file: a temp file in the
 * same directory, then an atomic rename (a plain replacing move where the file system cannot rename atomically).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class AtomicFiles {

    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target}, creating its parent directories. */
    public static void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would stay on the renamed file. createFile keeps
            // the process umask, as a plain write would.
            temp = createTemp(dir, target.getFileName().toString());
            Files.write(temp, bytes, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new Repro4jException("Cannot write " + target + ": " + e, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what the caller needs to see
                }
            }
        }
    }

    /**
     * A new empty file {@code .<name>.<pid>.<n>.tmp} in {@code dir}: unique per process by the counter, across
     * processes by the pid; a name left by a killed process whose pid came back is skipped. Not a random UUID: the
     * first one seeds a {@code SecureRandom}, which cost a short-lived child JVM milliseconds per start.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve("." + name + "." + PID + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // a stale temp file of an earlier process with this pid: try the next number
            }
        }
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
