package io.repro4j.junit.internal.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.repro4j.harness.results.Json;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.ChildRequestReader;
import io.repro4j.junit.internal.protocol.ChildResult;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Entry point of a child JVM: checks the strict environment first, then runs exactly one test invocation through
 * the JUnit Launcher (so lifecycle methods and other extensions behave as usual) and writes a result file.
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
            result = session != null ? session.result(ChildResult.Status.FAILED, t)
                    : new ChildResult(ChildResult.Status.FAILED, ChildResult.Failure.of(t), null, 0, false, 0, -1, 0,
                            java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        }
        try {
            Json.write(Path.of(request.output().resultFile()), result);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(3);
        }
        if (replayDir != null) {
            int status = Replay.summarize(original, result, replayDir);
            System.out.flush();
            System.err.flush();
            System.exit(status);
        }
        System.out.flush();
        System.err.flush();
        System.exit(0);
    }

    private static ChildResult run(ChildRequest request, long mainStartedAt, long mainStartedCpu) {
        // Before the Launcher touches the test class: nothing may load native code before the strict check.
        ChildSession session = ChildSession.start(request);
        session.mainStartedAt(mainStartedAt, mainStartedCpu);

        AtomicReference<TestExecutionResult> testResult = new AtomicReference<>();
        AtomicReference<String> skipped = new AtomicReference<>();
        AtomicReference<Throwable> containerFailure = new AtomicReference<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                if (id.getUniqueId().equals(request.test().uniqueId())) {
                    testResult.set(r);
                } else if (r.getStatus() == TestExecutionResult.Status.FAILED && r.getThrowable().isPresent()) {
                    containerFailure.compareAndSet(null, r.getThrowable().get());
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.getUniqueId().equals(request.test().uniqueId()) || request.test().uniqueId().startsWith(id.getUniqueId())) {
                    skipped.compareAndSet(null, reason);
                }
            }
        };

        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectUniqueId(request.test().uniqueId()))
                .configurationParameters(request.launch().configurationParameters())
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, listener);

        TestExecutionResult r = testResult.get();
        if (r == null) {
            if (containerFailure.get() != null) {
                return session.result(ChildResult.Status.FAILED, containerFailure.get());
            }
            String why = skipped.get() != null ? "it was skipped: " + skipped.get()
                    : "no test with this unique id was found (was the test class changed or renamed?)";
            return session.result(ChildResult.Status.NOT_RUN,
                    new IllegalStateException("Test " + request.test().uniqueId() + " did not run in the child JVM: " + why));
        }
        switch (r.getStatus()) {
            case SUCCESSFUL:
                return session.result(ChildResult.Status.SUCCESSFUL, null);
            case ABORTED:
                return session.result(ChildResult.Status.ABORTED, r.getThrowable().orElse(null));
            default:
                return session.result(ChildResult.Status.FAILED, r.getThrowable().orElse(null));
        }
    }
}
