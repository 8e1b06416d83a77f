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
import org.apiguardian.api.API;

/**
 * The state of a child JVM: its request, the configuration it trains under, and what the test invocation reported
 * (ledger size, snapshot, timings). One per child JVM.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChildSession {

    private static volatile ChildSession current;

    private final ChildRequest request;
    private final ReproducibilityConfig config;
    private volatile Path cohortDir;
    private volatile int ledgerSize;
    private volatile boolean recorded;
    private volatile long bodyStartedAtEpochMs;
    private volatile long bodyStartedNanos;
    private volatile long bodyElapsedMs;
    private volatile Map<String, Object> context = Map.of();
    private volatile long mainStartedAtEpochMs;
    private volatile long checkedAtEpochMs;
    private volatile long snapshotWriteMs = -1;
    private volatile long mainStartedCpuMs = -1;
    private volatile long checkedCpuMs = -1;
    private volatile long bodyStartedCpuMs = -1;
    private volatile long bodyEndedCpuMs = -1;
    private volatile long snapshotWrittenCpuMs = -1;

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
        ReproducibilityConfig config = Setting.fromProperties(request.training().settings());
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

    void bodyStarting() {
        bodyStartedCpuMs = cpuMs();
        bodyStartedAtEpochMs = System.currentTimeMillis();
        bodyStartedNanos = System.nanoTime();
    }

    void bodyEnded() {
        bodyElapsedMs = (System.nanoTime() - bodyStartedNanos) / 1_000_000;
        bodyEndedCpuMs = cpuMs();
    }

    /** CPU time this process has used so far (all threads), {@code -1} when the OS does not tell. */
    static long cpuMs() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    void finished(int ledgerSize, boolean recorded, Map<String, Object> context) {
        this.ledgerSize = ledgerSize;
        this.recorded = recorded;
        this.context = new LinkedHashMap<>(context);
    }

    void snapshotWritten(Path cohortDir, long writeMs) {
        this.cohortDir = cohortDir;
        this.snapshotWriteMs = writeMs;
        this.snapshotWrittenCpuMs = cpuMs();
    }

    /** The result of this child, with the launcher's view of how the test ended. */
    ChildResult result(ChildResult.Status status, Throwable failure) {
        // The parent's clock at spawn, not ProcessHandle's start instant: on Linux that one is derived from the boot
        // time in whole seconds (/proc/stat btime) and is off by up to a second, which made jvm_to_main look ~150 ms
        // too long here.
        long jvmStart = request.launch().spawnedAtEpochMs() > 0 ? request.launch().spawnedAtEpochMs()
                : ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L);
        long startToBody = bodyStartedAtEpochMs > 0 && jvmStart > 0 ? bodyStartedAtEpochMs - jvmStart : -1;
        Map<String, Long> phases = new LinkedHashMap<>();
        if (jvmStart > 0 && mainStartedAtEpochMs > 0) {
            phases.put("jvm_to_main", mainStartedAtEpochMs - jvmStart);
        }
        if (mainStartedAtEpochMs > 0) {
            phases.put("main_to_checked", checkedAtEpochMs - mainStartedAtEpochMs);
        }
        if (bodyStartedAtEpochMs > 0) {
            phases.put("checked_to_body", bodyStartedAtEpochMs - checkedAtEpochMs);
            phases.put("body", bodyElapsedMs);
        }
        if (snapshotWriteMs >= 0) {
            phases.put("snapshot_write", snapshotWriteMs);
        }
        Map<String, Long> cpu = new LinkedHashMap<>();
        putCpu(cpu, "jvm_to_main", 0, mainStartedCpuMs);
        putCpu(cpu, "main_to_checked", mainStartedCpuMs, checkedCpuMs);
        putCpu(cpu, "checked_to_body", checkedCpuMs, bodyStartedCpuMs);
        putCpu(cpu, "body", bodyStartedCpuMs, bodyEndedCpuMs);
        putCpu(cpu, "snapshot_write", bodyEndedCpuMs, snapshotWrittenCpuMs);
        return new ChildResult(status, failure == null ? null : ChildResult.Failure.of(failure),
                cohortDir == null ? null : cohortDir.toAbsolutePath().toString(), ledgerSize, recorded,
                bodyElapsedMs, startToBody, bodyStartedAtEpochMs, context, phases, cpu);
    }

    private static void putCpu(Map<String, Long> cpu, String phase, long from, long to) {
        if (from >= 0 && to >= 0) {
            cpu.put(phase, to - from);
        }
    }
}
