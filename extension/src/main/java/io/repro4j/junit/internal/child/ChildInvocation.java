package io.repro4j.junit.internal.child;

import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.junit.TrainingRun;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.FirstRunBarrier;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.opentest4j.AssertionFailedError;

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
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("training-run",
                k -> new ChildTrainingRun(session.request()), ChildTrainingRun.class);
    }

    /** Runs the test body as run {@code k} of the request. */
    public static void intercept(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        ChildSession session = ChildSession.current();
        ChildRequest request = session.request();
        if (!request.test().uniqueId().equals(context.getUniqueId())) {
            invocation.skip();
            throw new IllegalStateException("This child JVM was started for " + request.test().uniqueId()
                    + " but is asked to run " + context.getUniqueId());
        }
        ChildTrainingRun run = runOf(context);
        run.context("test_id", request.test().uniqueId());
        run.context("run_index", request.run().index());
        run.context("runs", request.run().total());
        RunPerturbations perturbations = request.run().perturbations();
        perturbations.context().forEach(run::context);

        int mark = EstimatorLedger.global().size();
        session.bodyStarting();
        // Last thing before the body, on the test thread: shifting earlier would let JUnit's own work absorb it.
        perturbations.shiftIdentityHashes();
        try {
            invocation.proceed();
        } finally {
            session.bodyEnded();
            session.finished(EstimatorLedger.global().entriesSince(mark).size(), run.recordedAnything(),
                    run.context());
        }
        List<LedgerEntry> entries = EstimatorLedger.global().entriesSince(mark);
        int ledger = entries.size();
        String which = request.run().describe();
        if (request.training().requireLedger() && ledger == 0) {
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
        if (request.training().requireRecords() && !run.recordedAnything()) {
            throw new AssertionFailedError("The test recorded nothing (" + which + "): call recordPredictions,"
                    + " recordMetrics or recordDataset on the TrainingRun parameter so the runs can be compared, or"
                    + " set @DeterministicTraining(requireRecords = false).");
        }
        if (ledger > 0 || run.recordedAnything()) {
            String firstRun = request.output().firstRunDir();
            if (firstRun != null) {
                FirstRunBarrier.await(new ResultsLayout.ChildFiles(Path.of(firstRun)));
            }
            long t0 = System.nanoTime();
            Path cohort = run.write();
            session.snapshotWritten(cohort, (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
