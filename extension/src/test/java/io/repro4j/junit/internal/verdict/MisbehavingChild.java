package io.repro4j.junit.internal.verdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A child main for {@link ProcessProblemsIT}: hangs with a grandchild, kills itself, or runs out of memory. */
public final class MisbehavingChild {
    private MisbehavingChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "hang": {
                Process grandchild = new ProcessBuilder("sleep", "600").start();
                Files.writeString(Path.of(args[1]), Long.toString(grandchild.pid()));
                new CountDownLatch(1).await();
                break;
            }
            case "kill-self":
                new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                new CountDownLatch(1).await();
                break;
            case "oom": {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[1 << 20]);
                }
            }
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }
}
