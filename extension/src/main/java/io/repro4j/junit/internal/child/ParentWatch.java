package io.repro4j.junit.internal.child;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Ends this child JVM as soon as its parent is gone: the parent holds the child's standard input open and never
 * writes to it, so reading it ends exactly when the parent's process ends (also by {@code kill -9}, which runs no
 * shutdown hook). The child then kills its own descendants and itself at once, writing nothing more.
 */
final class ParentWatch {

    /** The exit code of a child that ended because its parent was gone. */
    static final int PARENT_GONE = 86;

    private ParentWatch() {
    }

    /** Starts watching on a daemon thread. */
    static void start() {
        Thread watch = new Thread(() -> {
            try (InputStream in = new FileInputStream(FileDescriptor.in)) {
                byte[] ignored = new byte[64];
                while (in.read(ignored) >= 0) {
                    // the parent writes nothing; anything read is discarded
                }
            } catch (IOException e) {
                // a broken pipe means the same as its end
            }
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            // SIGKILL rather than halt: halting still runs the JVM's exit work, which writes a class-data archive
            // that is being recorded. Halt only when no kill command can be started.
            try {
                new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            } catch (IOException | InterruptedException e) {
                // fall through to halt
            }
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "repro4j-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
