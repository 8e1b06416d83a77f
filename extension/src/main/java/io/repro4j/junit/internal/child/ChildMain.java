package io.repro4j.junit.internal.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.repro4j.harness.results.Json;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.ChildRequestReader;
import io.repro4j.junit.internal.protocol.ChildResult;
import io.repro4j.junit.internal.protocol.TestKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Entry point of a child JVM: checks the strict environment first, then runs its test invocation (or, in a shared
 * child, every invocation of its test methods) through the JUnit Launcher, so lifecycle methods and other
 * extensions behave as usual, and writes a result file per invocation as it finishes.
 *
 * <p>Exit code 0 once a result was written, also when the test failed (the parent decides); 2 when the request
 * could not be read; 3 when the result could not be written.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChildMain {

    private ChildMain() {
    }

    /**
     * Runs the child: {@code ChildMain [--replay DIR] REQUEST_FILE}. With {@code --replay} the run writes into
     * {@code DIR} instead of its own files, and the exit code says whether it passed with the original's fingerprints.
     */
    public static void main(String[] args) {
        long mainStartedAt = System.currentTimeMillis();
        long mainStartedCpu = ChildSession.cpuMs();
        if ("stdin".equals(System.getProperty(ChildRequest.WATCH_PARENT_PROPERTY))) {
            ParentWatch.start();
        }
        Path replayDir = null;
        int next = 0;
        if (args.length > 1 && args[0].equals(ChildRequest.REPLAY_OPTION)) {
            replayDir = Path.of(args[1]).toAbsolutePath();
            next = 2;
        }
        String file = args.length > next ? args[next] : System.getProperty(ChildRequest.PROPERTY);
        if (file == null) {
            System.err.println("repro4j child: no request file given (argument or -D" + ChildRequest.PROPERTY + ")");
            System.exit(2);
        }
        ChildRequest original;
        try {
            original = ChildRequestReader.read(Path.of(file));
        } catch (RuntimeException e) {
            System.err.println("repro4j child: cannot read request " + file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        ChildRequest request = replayDir == null ? original
                : original.withOutput(original.output().replayedInto(replayDir));
        ChildResult result;
        try {
            result = run(request, mainStartedAt, mainStartedCpu);
        } catch (Throwable t) {
            t.printStackTrace();
            ChildSession session = ChildSession.currentOrNull();
            result = session != null ? session.result(null, ChildResult.Status.FAILED, t)
                    : new ChildResult(ChildResult.Status.FAILED, ChildResult.Failure.of(t), null, 0, false, 0, -1, 0,
                            java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        }
        try {
            // A child of one test wrote its test's result here already; this writes the process's end instead only
            // when the test never finished (not found, skipped, a failed container, a broken strict environment).
            Path resultFile = request.output().process().result();
            if (request.output().shared() || result != null) {
                Json.write(resultFile, result);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(3);
        }
        if (replayDir != null) {
            int status = Replay.summarize(original, replayDir);
            System.out.flush();
            System.err.flush();
            System.exit(status);
        }
        System.out.flush();
        System.err.flush();
        System.exit(0);
    }

    /**
     * Runs the request's tests and writes each invocation's result as it finishes. Returns the process's result: in
     * a shared child always (successful unless a container failed or nothing ran); in a child of one test only when
     * the test did not finish ({@code null} when its result was written).
     */
    private static ChildResult run(ChildRequest request, long mainStartedAt, long mainStartedCpu) {
        // Before the Launcher touches the test class: nothing may load native code before the strict check.
        ChildSession session = ChildSession.start(request);
        session.mainStartedAt(mainStartedAt, mainStartedCpu);

        AtomicInteger finished = new AtomicInteger();
        AtomicReference<String> skipped = new AtomicReference<>();
        AtomicReference<Throwable> containerFailure = new AtomicReference<>();
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                ChildRequest.TestEntry entry = id.isTest() ? entryOf(request, id) : null;
                if (entry == null) {
                    if (r.getStatus() == TestExecutionResult.Status.FAILED && r.getThrowable().isPresent()) {
                        containerFailure.compareAndSet(null, r.getThrowable().get());
                    }
                    return;
                }
                if (request.output().shared() || id.getUniqueId().equals(entry.test().uniqueId())) {
                    try {
                        writeResult(session, request, id, r);
                        finished.incrementAndGet();
                    } catch (RuntimeException e) {
                        writeFailure.compareAndSet(null, e);
                    }
                }
                session.testEnded();
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                skipped.compareAndSet(null, reason);
            }
        };

        Map<String, String> parameters = new LinkedHashMap<>(request.launch().configurationParameters());
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (request.output().shared()) {
            // Every run orders the class's tests itself: by name, and as TEST_ORDER says in later runs.
            parameters.put("junit.jupiter.testmethod.order.default", TestOrder.class.getName());
            for (ChildRequest.TestEntry entry : request.tests()) {
                selectors.add(selectMethod(entry.test().className(), entry.test().methodName(),
                        String.join(",", entry.parameterTypes())));
            }
        } else {
            selectors.add(selectUniqueId(request.first().test().uniqueId()));
        }
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameters(parameters)
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, listener);

        if (writeFailure.get() != null) {
            throw new IllegalStateException("Cannot write a test's result: " + writeFailure.get().getMessage(),
                    writeFailure.get());
        }
        if (finished.get() > 0) {
            return request.output().shared() ? session.result(null, containerFailure.get() == null
                    ? ChildResult.Status.SUCCESSFUL : ChildResult.Status.FAILED, containerFailure.get()) : null;
        }
        if (containerFailure.get() != null) {
            return session.result(null, ChildResult.Status.FAILED, containerFailure.get());
        }
        String what = request.output().shared() ? "No test of " + request.first().test().className()
                : "Test " + request.first().test().uniqueId();
        String why = skipped.get() != null ? "it was skipped: " + skipped.get()
                : "no test with this " + (request.output().shared() ? "method" : "unique id")
                        + " was found (was the test class changed or renamed?)";
        return session.result(null, ChildResult.Status.NOT_RUN,
                new IllegalStateException(what + " ran in the child JVM: " + why));
    }

    /** The request's entry for the test {@code id}, from its method source; {@code null} for any other test. */
    private static ChildRequest.TestEntry entryOf(ChildRequest request, TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> request.entryFor(m.getClassName(), m.getMethodName(), parameterTypes(m)))
                .orElse(null);
    }

    private static List<String> parameterTypes(MethodSource source) {
        try {
            return ChildInvocation.parameterTypes(source.getJavaMethod());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Writes the result of the finished invocation {@code id} where the parent looks for it. */
    private static void writeResult(ChildSession session, ChildRequest request, TestIdentifier id,
            TestExecutionResult r) {
        TestRun run = session.run(id.getUniqueId());
        ChildResult.Status status = switch (r.getStatus()) {
            case SUCCESSFUL -> ChildResult.Status.SUCCESSFUL;
            case ABORTED -> ChildResult.Status.ABORTED;
            default -> ChildResult.Status.FAILED;
        };
        ChildResult result = session.result(run, status, r.getThrowable().orElse(null));
        MethodSource source = (MethodSource) id.getSource().orElseThrow();
        String key = run != null ? run.testKey
                : TestKey.of(source.getJavaClass(), source.getMethodName(), id.getUniqueId());
        Json.write(request.output().testFiles(key).result(), result);
    }
}
