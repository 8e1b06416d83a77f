package io.repro4j.junit.internal.fork;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Copies one output stream of a child JVM into its log file, keeping at most {@code limit} bytes: the first half as
 * written, the last half from a ring buffer, and between them one line saying how much was cut. A test printing
 * 50 MB leaves a log of the limit, with its beginning (start-up, the first error) and its end (the last error, an
 * {@code OutOfMemoryError} line).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
final class CappedLog implements Runnable {

    private final InputStream in;
    private final Path file;
    private final long limit;
    private volatile IOException failure;

    CappedLog(InputStream in, Path file, long limit) {
        this.in = in;
        this.file = file;
        this.limit = Math.max(2, limit);
    }

    /** Starts copying on a daemon thread named after the file. */
    Thread start() {
        Thread t = new Thread(this, "repro4j-log-" + file.getParent().getFileName() + "-" + file.getFileName());
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void run() {
        long headLimit = limit / 2;
        byte[] tail = new byte[(int) Math.min(Integer.MAX_VALUE - 8, limit - headLimit)];
        int tailStart = 0;
        int tailLength = 0;
        long total = 0;
        byte[] buffer = new byte[8192];
        try (InputStream input = in; OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = input.read(buffer)) > 0; ) {
                int offset = 0;
                if (total < headLimit) {
                    int head = (int) Math.min(n, headLimit - total);
                    out.write(buffer, 0, head);
                    out.flush();
                    offset = head;
                }
                total += n;
                for (int i = offset; i < n; i++) {
                    // Ring buffer of the last bytes after the head.
                    int at = (tailStart + tailLength) % tail.length;
                    tail[at] = buffer[i];
                    if (tailLength < tail.length) {
                        tailLength++;
                    } else {
                        tailStart = (tailStart + 1) % tail.length;
                    }
                }
            }
            long cut = total - Math.min(total, headLimit) - tailLength;
            if (cut > 0) {
                out.write(("\n[repro4j: " + cut + " bytes of this log were cut here; each child log keeps its first and"
                        + " last " + headLimit + " bytes (repro4j.child.logLimit=" + limit + ")]\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < tailLength; i++) {
                out.write(tail[(tailStart + i) % tail.length]);
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Waits up to {@code millis} for the stream to end; a grandchild that still holds it open is not waited for. */
    void await(Thread thread, long millis) throws InterruptedException {
        thread.join(millis);
        if (thread.isAlive()) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the copy ends with what it had
            }
            thread.join(millis);
        }
        if (failure != null) {
            throw new UncheckedIOException("Cannot write the child log " + file + ": " + failure.getMessage(), failure);
        }
    }
}
