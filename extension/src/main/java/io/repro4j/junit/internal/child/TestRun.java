package io.repro4j.junit.internal.child;

import io.repro4j.harness.results.ResultsLayout.ChildFiles;
import io.repro4j.junit.internal.protocol.ChildRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One test invocation inside a child JVM: which entry of the request it is, its key and files, and what its body
 * reported (ledger size, records, snapshot, timings). A child of one test has one; a shared child one per
 * invocation it runs.
 */
final class TestRun {

    final ChildRequest.TestEntry entry;
    final String uniqueId;
    final String testKey;
    final ChildFiles files;
    /** When the previous test of this JVM ended, or the strict check passed: where this test's start-up began. */
    final long readyAtEpochMs;
    final long readyCpuMs;
    volatile Path cohortDir;
    volatile int ledgerSize;
    volatile boolean recorded;
    volatile long bodyStartedAtEpochMs;
    volatile long bodyStartedNanos;
    volatile long bodyElapsedMs;
    volatile long bodyStartedCpuMs = -1;
    volatile long bodyEndedCpuMs = -1;
    volatile long snapshotWriteMs = -1;
    volatile long snapshotWrittenCpuMs = -1;
    volatile Map<String, Object> context = Map.of();

    TestRun(ChildRequest.TestEntry entry, String uniqueId, String testKey, ChildFiles files, long readyAtEpochMs,
            long readyCpuMs) {
        this.entry = entry;
        this.uniqueId = uniqueId;
        this.testKey = testKey;
        this.files = files;
        this.readyAtEpochMs = readyAtEpochMs;
        this.readyCpuMs = readyCpuMs;
    }

    void bodyStarting() {
        bodyStartedCpuMs = ChildSession.cpuMs();
        bodyStartedAtEpochMs = System.currentTimeMillis();
        bodyStartedNanos = System.nanoTime();
    }

    void bodyEnded() {
        bodyElapsedMs = (System.nanoTime() - bodyStartedNanos) / 1_000_000;
        bodyEndedCpuMs = ChildSession.cpuMs();
    }

    void finished(int ledgerSize, boolean recorded, Map<String, Object> context) {
        this.ledgerSize = ledgerSize;
        this.recorded = recorded;
        this.context = new LinkedHashMap<>(context);
    }

    void snapshotWritten(Path cohortDir, long writeMs) {
        this.cohortDir = cohortDir;
        this.snapshotWriteMs = writeMs;
        this.snapshotWrittenCpuMs = ChildSession.cpuMs();
    }
}
