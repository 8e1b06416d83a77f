package io.repro4j.junit.internal.fork;

import io.repro4j.junit.internal.protocol.ChildResult;
import org.apiguardian.api.API;

/**
 * How one child JVM ended, as the parent saw it.
 *
 * @param run the planned run
 * @param exitCode the exit code, or {@code null} when it did not exit by itself (timeout, interrupt, spawn failure)
 * @param timedOut true when it was killed after the timeout
 * @param spawnFailure why the process could not be started, or {@code null}
 * @param result what the child reported, or {@code null} when it wrote no result
 * @param wallMs from spawn to exit
 * @param spawnedAtEpochMs when the process was started
 * @param sharedNote for a test of a shared child whose process ended before the test did, what the process was
 *     doing (which test it was running); {@code null} otherwise
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ChildOutcome(PlannedChild run, Integer exitCode, boolean timedOut, String spawnFailure,
        ChildResult result, long wallMs, long spawnedAtEpochMs, String sharedNote) {

    /** The outcome of a child of one test. */
    public ChildOutcome(PlannedChild run, Integer exitCode, boolean timedOut, String spawnFailure, ChildResult result,
            long wallMs, long spawnedAtEpochMs) {
        this(run, exitCode, timedOut, spawnFailure, result, wallMs, spawnedAtEpochMs, null);
    }

    /** True when the process ran to completion and reported a result. */
    public boolean completed() {
        return exitCode != null && exitCode == 0 && result != null;
    }

    /** Spawn to test body, the cost of running in a fresh JVM; {@code -1} when unknown. */
    public long forkOverheadMs() {
        if (result == null || result.bodyStartedAtEpochMs() <= 0) {
            return -1;
        }
        return Math.max(0, result.bodyStartedAtEpochMs() - spawnedAtEpochMs);
    }
}
