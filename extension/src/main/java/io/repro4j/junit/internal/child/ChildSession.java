package io.repro4j.junit.internal.child;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.config.Setting;
import io.repro4j.harness.estimator.NativeLibraries;
import io.repro4j.harness.strict.StrictGuard;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.ChildRequestReader;
import io.repro4j.junit.internal.protocol.ChildResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The state of a child JVM: its request, the configuration it trains under, and what each test invocation reported
 * ({@link TestRun}: ledger size, snapshot, timings). One per child JVM.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChildSession {

    private static volatile ChildSession current;

    private final ChildRequest request;
    private final ReproducibilityConfig config;
    private final Map<String, TestRun> runs = new ConcurrentHashMap<>();
    private volatile long mainStartedAtEpochMs;
    private volatile long checkedAtEpochMs;
    private volatile long mainStartedCpuMs = -1;
    private volatile long checkedCpuMs = -1;
    private volatile boolean anyTestStarted;
    /** When the last test of this JVM ended: a later test's start-up is measured from there. */
    private volatile long lastEndedAtEpochMs;
    private volatile long lastEndedCpuMs = -1;

    private ChildSession(ChildRequest request, ReproducibilityConfig config) {
        this.request = request;
        this.config = config;
    }

    /** True in a child JVM (the request property is set). */
    public static boolean isChild() {
        return current != null || System.getProperty(ChildRequest.PROPERTY) != null;
    }

    /**
     * Checks the strict environment and makes the resolved configuration the one {@code Determinism} uses, so that
     * every estimator the test builds is recorded under it in the ledger. Must run before anything loads native code
     * or the test class.
     *
     * @throws RuntimeException (e.g. {@code StrictEnvironmentException}, {@code ConfigException}) when the child
     *     must not train
     */
    public static synchronized ChildSession start(ChildRequest request) {
        if (current != null) {
            return current;
        }
        // What the parent resolved (and built this JVM's environment from): no YAML parsing before the check.
        ReproducibilityConfig config = Setting.fromProperties(request.jvmTraining().settings());
        if (request.run().perturbations().threads() != null) {
            // The THREADS perturbation: leave thread counts to the library, as production would.
            config = config.toBuilder().forceSingleThread(false).build();
        }
        StrictCheck.verify(config, request.run().perturbations());
        // The complete check (variables, flags, no native library loaded yet, declared perturbations) passed: the
        // choke point need not check again, and must not refuse a perturbed run's declared thread count.
        StrictGuard.acceptedBy("@DeterministicTraining child JVM");
        NativeLibraries.useKnownDigests(request.launch().nativeLibraryDigests());
        NativeLibraries.useSharedCopies(request.launch().sharedNativeLibraries());
        Determinism.useConfiguration(config);
        ChildSession session = new ChildSession(request, config);
        session.checkedAtEpochMs = System.currentTimeMillis();
        session.checkedCpuMs = cpuMs();
        current = session;
        // Before the Launcher loads the test class: a test that builds a DMatrix before it trains would otherwise
        // have XGBoost4J extract its own 17.7 MB copy.
        NativeLibraries.preloadXGBoost();
        return session;
    }

    /** The session of this child JVM, started from the request property when the child was not started by {@link ChildMain}. */
    public static ChildSession current() {
        ChildSession s = current;
        if (s == null) {
            String file = System.getProperty(ChildRequest.PROPERTY);
            if (file == null) {
                throw new IllegalStateException("Not a repro4j child JVM: -D" + ChildRequest.PROPERTY + " is not set.");
            }
            s = start(ChildRequestReader.read(Path.of(file)));
        }
        return s;
    }

    static ChildSession currentOrNull() {
        return current;
    }

    public ChildRequest request() {
        return request;
    }

    public ReproducibilityConfig config() {
        return config;
    }

    void mainStartedAt(long epochMs, long cpuMs) {
        mainStartedAtEpochMs = epochMs;
        mainStartedCpuMs = cpuMs;
    }

    /** CPU time this process has used so far (all threads), {@code -1} when the OS does not tell. */
    static long cpuMs() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /**
     * Starts the bookkeeping of the test invocation {@code uniqueId} ({@code entry} of the request) and returns it;
     * the same one when asked again for the same invocation.
     */
    TestRun begin(ChildRequest.TestEntry entry, String uniqueId, String testKey) {
        return runs.computeIfAbsent(uniqueId, id -> {
            boolean first = !anyTestStarted;
            anyTestStarted = true;
            long readyAt = first || lastEndedAtEpochMs == 0 ? checkedAtEpochMs : lastEndedAtEpochMs;
            long readyCpu = first || lastEndedCpuMs < 0 ? checkedCpuMs : lastEndedCpuMs;
            return new TestRun(entry, id, testKey, request.output().testFiles(testKey), readyAt, readyCpu);
        });
    }

    /** The bookkeeping of the invocation {@code uniqueId}, or {@code null} when its body was never reached. */
    TestRun run(String uniqueId) {
        return runs.get(uniqueId);
    }

    /** Marks the end of a test invocation: the next one's start-up is measured from here. */
    void testEnded() {
        lastEndedAtEpochMs = System.currentTimeMillis();
        lastEndedCpuMs = cpuMs();
    }

    /**
     * The result of one test invocation ({@code run}, or {@code null} when its body was never reached), or of the
     * whole process when the request has no such invocation, with the launcher's view of how it ended.
     */
    ChildResult result(TestRun run, ChildResult.Status status, Throwable failure) {
        // The parent's clock at spawn, not ProcessHandle's start instant: on Linux that one is derived from the boot
        // time in whole seconds (/proc/stat btime) and is off by up to a second, which made jvm_to_main look ~150 ms
        // too long here.
        long jvmStart = request.launch().spawnedAtEpochMs() > 0 ? request.launch().spawnedAtEpochMs()
                : ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L);
        Map<String, Long> phases = new LinkedHashMap<>();
        Map<String, Long> cpu = new LinkedHashMap<>();
        boolean firstTest = run == null || run.readyAtEpochMs == checkedAtEpochMs;
        if (firstTest) {
            if (jvmStart > 0 && mainStartedAtEpochMs > 0) {
                phases.put("jvm_to_main", mainStartedAtEpochMs - jvmStart);
            }
            if (mainStartedAtEpochMs > 0) {
                phases.put("main_to_checked", checkedAtEpochMs - mainStartedAtEpochMs);
            }
            putCpu(cpu, "jvm_to_main", 0, mainStartedCpuMs);
            putCpu(cpu, "main_to_checked", mainStartedCpuMs, checkedCpuMs);
        }
        if (run == null) {
            return new ChildResult(status, failure == null ? null : ChildResult.Failure.of(failure), null, 0, false,
                    0, -1, 0, Map.of(), phases, cpu);
        }
        long startToBody = run.bodyStartedAtEpochMs > 0 && jvmStart > 0 ? run.bodyStartedAtEpochMs - jvmStart : -1;
        if (run.bodyStartedAtEpochMs > 0) {
            phases.put("checked_to_body", run.bodyStartedAtEpochMs - run.readyAtEpochMs);
            phases.put("body", run.bodyElapsedMs);
        }
        if (run.snapshotWriteMs >= 0) {
            phases.put("snapshot_write", run.snapshotWriteMs);
        }
        putCpu(cpu, "checked_to_body", run.readyCpuMs, run.bodyStartedCpuMs);
        putCpu(cpu, "body", run.bodyStartedCpuMs, run.bodyEndedCpuMs);
        putCpu(cpu, "snapshot_write", run.bodyEndedCpuMs, run.snapshotWrittenCpuMs);
        return new ChildResult(status, failure == null ? null : ChildResult.Failure.of(failure),
                run.cohortDir == null ? null : run.cohortDir.toAbsolutePath().toString(), run.ledgerSize,
                run.recorded, run.bodyElapsedMs, startToBody, run.bodyStartedAtEpochMs, run.context, phases, cpu);
    }

    private static void putCpu(Map<String, Long> cpu, String phase, long from, long to) {
        if (from >= 0 && to >= 0) {
            cpu.put(phase, to - from);
        }
    }
}
