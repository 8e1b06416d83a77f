package io.repro4j.junit.internal.fork;

import io.repro4j.harness.results.Json;
import io.repro4j.junit.internal.protocol.ChildResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Starts one child JVM, waits for it up to its timeout and kills its whole process tree when the timeout passes,
 * when the waiting thread is interrupted, or when the parent JVM shuts down; if the parent dies without shutting down
 * ({@code kill -9}), the child notices the end of its standard input and ends itself. A child never outlives its
 * parent. Its output goes through {@link CappedLog}s into {@code stdout.log} and {@code stderr.log}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChildLauncher {

    /** Children still running in this JVM; the shutdown hook kills whatever is left. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildLauncher::killTree),
                "repro4j-kill-children"));
    }

    static final Duration DESCENDANT_WAIT = Duration.ofSeconds(10);

    /** How long to wait for a child's logs to end after the child: a grandchild may hold them open. */
    private static final long LOG_WAIT_MILLIS = 5_000;

    private ChildLauncher() {
    }

    /**
     * Runs {@code run} to completion or until {@code timeout}.
     *
     * @throws InterruptedException when the calling thread is interrupted; the child's tree is killed first
     */
    public static ChildOutcome run(PlannedChild run, Duration timeout, long logLimit) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(run.command());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(run.environment());
        pb.directory(run.workingDirectory().toFile());
        // All three streams are pipes: stdin stays open while this JVM lives (the child's parent watch), stdout and
        // stderr go through capped logs.
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);

        long spawnedAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Json.write(run.files().request(), run.request().spawnedAt(spawnedAt));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return new ChildOutcome(run, null, false, e.getMessage(), null, 0, spawnedAt);
        }
        RUNNING.add(process);
        CappedLog stdout = new CappedLog(process.getInputStream(), run.files().stdout(), logLimit);
        CappedLog stderr = new CappedLog(process.getErrorStream(), run.files().stderr(), logLimit);
        Thread stdoutCopy = stdout.start();
        Thread stderrCopy = stderr.start();
        try {
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                killTree(process);
                throw e;
            }
            if (!exited) {
                killTree(process);
            }
            stdout.await(stdoutCopy, LOG_WAIT_MILLIS);
            stderr.await(stderrCopy, LOG_WAIT_MILLIS);
            return new ChildOutcome(run, exited ? process.exitValue() : null, !exited, null,
                    ChildResult.readIfPresent(run.files().result()), elapsedMs(t0), spawnedAt);
        } finally {
            RUNNING.remove(process);
            closeQuietly(process.getOutputStream());
        }
    }

    /**
     * Forcibly ends the process and every descendant, and waits until they are gone (descendants at most
     * {@link #DESCENDANT_WAIT} each: a process that is not our child can only be polled).
     */
    static void killTree(Process process) {
        // Collected first: once the child is dead its children are re-parented and no longer its descendants.
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (ProcessHandle h : descendants) {
            try {
                h.onExit().get(DESCENDANT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException e) {
                // Killed with SIGKILL; if it is still listed it is a zombie nobody reaps, which holds no resources.
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }


    private static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // the child is gone; so is its end of the pipe
        }
    }
}
