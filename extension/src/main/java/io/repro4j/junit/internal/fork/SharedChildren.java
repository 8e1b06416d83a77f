package io.repro4j.junit.internal.fork;

import io.repro4j.harness.results.ResultsLayout.ChildFiles;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.ChildResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/**
 * The shared child JVMs of the tests of one class ({@code Isolation.CLASS}): started once, in the background, when
 * the class's first such test runs; each test then takes the outcome of its runs from them as soon as its results
 * are there, while the children go on with the class's other tests. Closing kills children still running.
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public final class SharedChildren implements AutoCloseable {

    /** How often a waiting test looks for its results (they are small files written atomically). */
    private static final long POLL_MS = 20;

    private final ForkPlan plan;
    private final ExecutorService runner;
    private final Future<List<ChildOutcome>> outcomes;

    private SharedChildren(ForkPlan plan, ExecutorService runner, Future<List<ChildOutcome>> outcomes) {
        this.plan = plan;
        this.runner = runner;
        this.outcomes = outcomes;
    }

    /** Prepares the shared children's directories, then starts them in the background. */
    public static SharedChildren start(ForkPlan plan, int parallelChildren, long logLimit) {
        // Here, not in the background: a test that asks for its results must never find an earlier build's.
        ForkExecutor.prepare(plan);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "repro4j-shared-" + plan.testKey());
            t.setDaemon(true);
            return t;
        });
        Future<List<ChildOutcome>> outcomes = runner.submit(() ->
                ForkExecutor.executePrepared(plan, parallelChildren, logLimit));
        return new SharedChildren(plan, runner, outcomes);
    }

    /** The plan of the shared children. */
    public ForkPlan plan() {
        return plan;
    }

    /** Whether the children run {@code className#methodName(parameterTypes)}. */
    public boolean runs(String className, String methodName, List<String> parameterTypes) {
        return plan.children().get(0).request().entryFor(className, methodName, parameterTypes) != null;
    }

    /**
     * Waits until every run has finished the invocation {@code testKey} or has ended, and returns each run's outcome
     * as that test sees it: its own result once it has one; otherwise how the process ended, with a note naming the
     * test it was running.
     *
     * @throws InterruptedException when the calling thread is interrupted (the children go on)
     */
    public List<ChildOutcome> await(String testKey) throws InterruptedException {
        List<ChildOutcome> out = new ArrayList<>();
        for (PlannedChild run : plan.children()) {
            out.add(await(run, testKey));
        }
        // The children leave diff_prev.json out, as per-test children do; this test's runs all ended here.
        ForkExecutor.writePreviousRunDiffs(plan, out);
        return out;
    }

    private ChildOutcome await(PlannedChild run, String testKey) throws InterruptedException {
        ChildFiles test = run.request().output().testFiles(testKey);
        while (true) {
            boolean ended = outcomes.isDone();
            ChildResult result = ChildResult.readIfPresent(test.result());
            if (result != null) {
                long spawnedAt = result.bodyStartedAtEpochMs() > 0 && result.startToBodyMs() >= 0
                        ? result.bodyStartedAtEpochMs() - result.startToBodyMs() : 0;
                return new ChildOutcome(run, 0, false, null, result, result.bodyElapsedMs(), spawnedAt);
            }
            if (ended) {
                return ended(run, testKey);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** The outcome of {@code testKey} in {@code run} after the process ended without its result. */
    private ChildOutcome ended(PlannedChild run, String testKey) {
        ChildOutcome process;
        try {
            process = outcomes.get().get(run.index() - 1);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } catch (InterruptedException | CancellationException e) {
            throw new IllegalStateException("The shared child JVMs of " + plan.test().className()
                    + " were stopped before run " + run.index() + " finished " + testKey, e);
        }
        String className = plan.test().className();
        String running = runningTest(run);
        String note = "It was the child JVM shared by the tests of " + className + " (Isolation.CLASS) and ended "
                + (running == null ? "between tests" : running.equals(testKey) ? "while running this test"
                        : "while running " + running) + ", before this test finished.";
        ChildResult result = process.result();
        if (process.completed()) {
            // The process ended normally: this invocation never ran in it (or a container around it failed).
            ChildResult.Failure failure = result.status() == ChildResult.Status.FAILED && result.failure() != null
                    ? result.failure() : ChildResult.Failure.of(new IllegalStateException(testKey + " did not run"
                            + " in the shared child JVM of " + className + ", which ran the class's other tests"));
            result = new ChildResult(result.status() == ChildResult.Status.FAILED ? ChildResult.Status.FAILED
                    : ChildResult.Status.NOT_RUN, failure, null, 0, false, 0, -1, 0, Map.of(), Map.of(), Map.of());
            return new ChildOutcome(run, 0, false, null, result, process.wallMs(), process.spawnedAtEpochMs(), null);
        }
        return new ChildOutcome(run, process.exitCode(), process.timedOut(), process.spawnFailure(), null,
                process.wallMs(), process.spawnedAtEpochMs(), note);
    }

    /** The key of the test the run had started but not finished, or {@code null}. */
    private static String runningTest(PlannedChild run) {
        Path tests = run.files().dir().resolve(ChildRequest.Output.TESTS);
        if (!Files.isDirectory(tests)) {
            return null;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tests, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (Files.exists(dir.resolve(ChildRequest.Output.STARTED))
                        && !Files.exists(new ChildFiles(dir).result())) {
                    return dir.getFileName().toString();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }


    /** Kills the children if they still run (the class ended early) and waits for them to be gone. */
    @Override
    public void close() {
        outcomes.cancel(true);
        if (ForkExecutor.shutdownAndAwait(runner)) {
            Thread.currentThread().interrupt();
        }
    }
}
