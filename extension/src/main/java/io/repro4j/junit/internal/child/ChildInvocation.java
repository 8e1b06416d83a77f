package io.repro4j.junit.internal.child;

import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.results.ConfinedDelete;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.junit.TrainingRun;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.FirstRunBarrier;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import io.repro4j.junit.internal.protocol.TestKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A child JVM's side of a {@code @DeterministicTraining} test: perturb, run the body, check, write the snapshot. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChildInvocation {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChildInvocation.class);

    private ChildInvocation() {
    }

    /** The {@link TrainingRun} of the current test invocation, one per invocation. */
    public static TrainingRun trainingRun(ExtensionContext context) {
        return runOf(context);
    }

    private static ChildTrainingRun runOf(ExtensionContext context) {
        ChildSession session = ChildSession.current();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("training-run", k -> {
            ChildRequest.TestEntry entry = entryOf(session.request(), context);
            return new ChildTrainingRun(session.request(), entry == null ? session.request().first() : entry,
                    keyOf(context));
        }, ChildTrainingRun.class);
    }

    /** The request's entry for the context's test method, or {@code null} when the request does not name it. */
    static ChildRequest.TestEntry entryOf(ChildRequest request, ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        return request.entryFor(context.getRequiredTestClass().getName(), method.getName(), parameterTypes(method));
    }

    static List<String> parameterTypes(Method method) {
        return ChildRequest.TestEntry.parameterTypes(method);
    }

    static String keyOf(ExtensionContext context) {
        return TestKey.of(context.getRequiredTestClass(), context.getRequiredTestMethod().getName(),
                context.getUniqueId());
    }

    /** Runs the test body as run {@code k} of the request. */
    public static void intercept(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        ChildSession session = ChildSession.current();
        ChildRequest request = session.request();
        ChildRequest.TestEntry entry = entryOf(request, context);
        if (!request.output().shared()) {
            String expected = request.first().test().uniqueId();
            if (!expected.equals(context.getUniqueId())) {
                invocation.skip();
                throw new IllegalStateException("This child JVM was started for " + expected
                        + " but is asked to run " + context.getUniqueId());
            }
        } else if (entry == null) {
            // Another test of the class: it runs in child JVMs of its own (other runs, perturbations or config).
            invocation.skip();
            throw new TestAbortedException("not part of this shared child JVM");
        }
        String testKey = keyOf(context);
        TestRun test = session.begin(entry, context.getUniqueId(), testKey);
        ChildTrainingRun run = runOf(context);
        run.context("test_id", context.getUniqueId());
        run.context("run_index", request.run().index());
        run.context("runs", request.run().total());
        RunPerturbations perturbations = request.run().perturbations();
        perturbations.context().forEach(run::context);
        if (request.output().shared()) {
            startShared(request, test);
        }

        int mark = EstimatorLedger.global().size();
        test.bodyStarting();
        // Last thing before the body, on the test thread: shifting earlier would let JUnit's own work absorb it.
        perturbations.shiftIdentityHashes();
        try {
            invocation.proceed();
        } finally {
            test.bodyEnded();
            test.finished(EstimatorLedger.global().entriesSince(mark).size(), run.recordedAnything(), run.context());
        }
        List<LedgerEntry> entries = EstimatorLedger.global().entriesSince(mark);
        run.context("applied", AppliedContext.capture(entries));
        int ledger = entries.size();
        String which = request.run().describe();
        ChildRequest.Training training = run.training();
        if (training.requireLedger() && ledger == 0) {
            throw new AssertionFailedError("The test trained without going through the choke point (" + which
                    + "): the estimator ledger is empty, so nothing was made deterministic. Train with"
                    + " TrainingRun.createEstimator / Determinism.createEstimator, DeterministicXGBoost.train,"
                    + " Determinism.nativeTraining or (repro4j-spark) DeterministicSpark.xgboostRegressor /"
                    + " xgboostClassifier with DeterministicSpark.fit, or set @DeterministicTraining(requireLedger = false) when the test"
                    + " trains no model.");
        }
        List<String> unrecorded = entries.stream().map(LedgerEntry::missingModel).filter(Objects::nonNull).toList();
        if (!unrecorded.isEmpty()) {
            throw new AssertionFailedError("The test's native training has no model to compare (" + which + "): "
                    + String.join("; ", unrecorded) + ".");
        }
        if (training.requireRecords() && !run.recordedAnything()) {
            throw new AssertionFailedError("The test recorded nothing (" + which + "): call recordPredictions,"
                    + " recordMetrics or recordDataset on the TrainingRun parameter so the runs can be compared, or"
                    + " set @DeterministicTraining(requireRecords = false).");
        }
        if (ledger > 0 || run.recordedAnything()) {
            ResultsLayout.ChildFiles firstRun = request.output().firstRunTestFiles(testKey);
            if (firstRun != null) {
                FirstRunBarrier.await(firstRun, request.output().firstRunProcess());
            }
            long t0 = System.nanoTime();
            Path cohort = run.write();
            test.snapshotWritten(cohort, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * In a shared child: marks the invocation as started (so that a crash names it) and removes the snapshot tree an
     * earlier execution of it left (a child of one test has the parent do that before it starts).
     */
    private static void startShared(ChildRequest request, TestRun test) {
        try {
            Files.createDirectories(test.files.dir());
            Files.writeString(test.files.dir().resolve(ChildRequest.Output.STARTED), "");
            ResultsLayout results = ResultsLayout.of(Path.of(request.output().resultsRoot()));
            ConfinedDelete.within(results.runs())
                    .deleteTree(results.run(request.output().runName(test.testKey, request.run().index())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + test.files.dir() + ": " + e.getMessage(), e);
        }
    }
}
