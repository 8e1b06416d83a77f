package io.repro4j.junit.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.RunRecorder;
import io.repro4j.harness.View;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.Perturbation;
import io.repro4j.junit.internal.config.TrainingSpec;
import io.repro4j.junit.internal.fork.ChildOutcome;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.fork.PlannedChild;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.ChildResult;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The verdict of a test from its runs' files, without forking: snapshots written by the real snapshot writer (then
 * edited where a test needs a particular difference), outcomes as the launcher reports them.
 */
class VerdictFromFilesTest {

    private static final ChildRequest.TestInvocation TEST =
            new ChildRequest.TestInvocation("[engine:junit-jupiter]/[method:x()]", "com.acme.X", "x", "x()");
    private static final String KEY = "X.x-00000000";
    private static final double[] PREDICTIONS = {0.25, 0.5, 0.75, 1.0};

    @TempDir
    Path root;

    /** One run's snapshot: same data, metrics and predictions as every other run unless edited. */
    private Path snapshot(int run, double[] predictions) {
        RunRecorder recorder = RunRecorder.builder().resultsRoot(root).runName(KEY + ".run-" + run)
                .target("fwd_ret_10m").trainSeed(1234).build();
        recorder.recordDataset("synthetic/interval=5m", List.of("AAA"), null, "aa");
        recorder.recordMetrics(Map.of("rmse", 0.5));
        recorder.recordPredictions(predictions);
        return recorder.write();
    }

    private Path snapshot(int run) {
        return snapshot(run, PREDICTIONS);
    }

    private static Path edit(Path cohort, Consumer<ObjectNode> change) {
        Path file = cohort.resolve(Snapshot.FILE_NAME);
        ObjectNode json = (ObjectNode) Json.readTree(file, "snapshot");
        change.accept(json);
        Json.write(file, json);
        return cohort;
    }

    /** A ledger with one XGBoost training and these effective parameters, and the signature they would give. */
    private static Consumer<ObjectNode> ledger(String signature, Map<String, Object> effective) {
        return json -> {
            ObjectNode params = json.putArray("estimator_ledger").addObject().put("library", "xgboost")
                    .putObject("effective_params");
            effective.forEach((k, v) -> params.putPOJO(k, v));
            ((ObjectNode) json.path("comparison_group")).put("hyperparameters_signature", signature);
        };
    }

    private ForkPlan plan(Set<Perturbation> perturbations, List<PlannedChild> runs) {
        TrainingSpec spec = new TrainingSpec(runs.size(), "determinism_test", false, "fwd_ret_10m",
                View.CROSS_SECTIONAL, null, 60, perturbations, true, true, io.repro4j.junit.Isolation.TEST);
        return new ForkPlan(TEST, KEY, ResultsLayout.of(root), spec, null, 1234, runs, null);
    }

    private List<PlannedChild> children(int n, Set<Perturbation> perturbations) {
        List<PlannedChild> runs = new ArrayList<>();
        ResultsLayout results = ResultsLayout.of(root);
        for (int k = 1; k <= n; k++) {
            ResultsLayout.ChildFiles files = results.child(KEY, k);
            RunPerturbations p = RunPerturbations.forRun(k, perturbations, 2);
            ChildRequest request = new ChildRequest(new ChildRequest.TestEntry(TEST, List.of(),
                    new ChildRequest.Training("determinism_test", "fwd_ret_10m", View.CROSS_SECTIONAL, null, 1234,
                            true, true, Map.of())),
                    new ChildRequest.RunSpec(k, n, perturbations, p),
                    new ChildRequest.Output(root.toString(), files.dir().toString(), null, false),
                    new ChildRequest.Launch(Map.of(), 0, Map.of()));
            runs.add(new PlannedChild(request, files, root, Map.of(), List.of("java")));
        }
        return runs;
    }

    private static ChildOutcome completed(PlannedChild run, Path cohort) {
        ChildResult result = new ChildResult(ChildResult.Status.SUCCESSFUL, null,
                cohort == null ? null : cohort.toString(), 1, true, 10, 100, 1, Map.of(), Map.of(), Map.of());
        return new ChildOutcome(run, 0, false, null, result, 200, 0);
    }

    private VerdictJudge.Judgement judge(Set<Perturbation> perturbations, Path... cohorts) {
        List<PlannedChild> runs = children(cohorts.length, perturbations);
        List<ChildOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < cohorts.length; i++) {
            outcomes.add(completed(runs.get(i), cohorts[i]));
        }
        return VerdictJudge.judge(plan(perturbations, runs), outcomes);
    }

    private static String firstLine(VerdictJudge.Judgement judgement) {
        return judgement.verdict().message().lines().findFirst().orElseThrow();
    }

    @Test
    void identicalRunsAreReproducibleWithRunOnesFingerprints() {
        Path first = snapshot(1);
        VerdictJudge.Judgement judgement = judge(Set.of(), first, snapshot(2), snapshot(3));

        assertThat(judgement.failure()).isNull();
        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.REPRODUCIBLE);
        assertThat(judgement.verdict().fingerprints()).isEqualTo(Snapshot.read(first).fingerprints())
                .containsKey("predictions_sha256");
        assertThat(judgement.verdict().differences()).isEmpty();
    }

    @Test
    void aDifferenceOnlyInTheLastOfThreeRunsIsCaughtAndNamedByItsRun() {
        VerdictJudge.Judgement judgement = judge(Set.of(), snapshot(1), snapshot(2),
                snapshot(3, new double[] {0.25, 0.5, 0.75, 1.5}));

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.DIFFERS);
        assertThat(firstLine(judgement)).startsWith("Training is not reproducible: ")
                .containsPattern("differs? in run 3 of 3\\.$").contains("predictions_sha256");
        assertThat(judgement.verdict().differences()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.run()).isEqualTo(3));
        assertThat(judgement.verdict().message()).doesNotContain("also differ");
        assertThat(judgement.failure()).isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void laterRunsThatAlsoDifferAreListedAfterTheFirst() {
        double[] moved = {0.25, 0.5, 0.75, 1.5};
        VerdictJudge.Judgement judgement = judge(Set.of(), snapshot(1), snapshot(2, moved), snapshot(3, moved));

        assertThat(firstLine(judgement)).contains("in run 2 of 3");
        assertThat(judgement.verdict().message()).contains("\nalso differ: run 3 (");
        assertThat(judgement.verdict().differences()).extracting(Verdict.Difference::run).contains(2, 3);
    }

    @Test
    void theFailureCarriesRunOnesAndTheDifferingRunsValueOfTheFirstMovedField() {
        Path first = snapshot(1);
        Path moved = snapshot(2, new double[] {0.25, 0.5, 0.75, 1.5});
        VerdictJudge.Judgement judgement = judge(Set.of(), first, moved);

        AssertionFailedError failure = (AssertionFailedError) judgement.failure();
        Verdict.Difference difference = judgement.verdict().differences().get(0);
        assertThat(failure.getExpected().getStringRepresentation())
                .isEqualTo(Snapshot.read(first).get(difference.field()));
        assertThat(failure.getActual().getStringRepresentation())
                .isEqualTo(Snapshot.read(moved).get(difference.field()));
        assertThat(difference.reference()).isNotEqualTo(difference.actual());
    }

    @Test
    void underThreadsAThreadCountOnlyChangeIsForgiven() {
        Path first = edit(snapshot(1), ledger("sig-1", Map.of("max_depth", 4, "nthread", 1)));
        Path second = edit(snapshot(2), ledger("sig-2", Map.of("max_depth", 4, "nthread", 2)));

        VerdictJudge.Judgement judgement = judge(Set.of(Perturbation.THREADS), first, second);

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.REPRODUCIBLE);
    }

    @Test
    void underThreadsAnyOtherHyperparameterChangeStillFails() {
        Path first = edit(snapshot(1), ledger("sig-1", Map.of("max_depth", 4, "nthread", 1)));
        Path second = edit(snapshot(2), ledger("sig-2", Map.of("max_depth", 5, "nthread", 2)));

        VerdictJudge.Judgement judgement = judge(Set.of(Perturbation.THREADS), first, second);

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.DIFFERS);
        assertThat(firstLine(judgement)).contains("comparison_group.hyperparameters_signature")
                .contains("run 2 of 2 (2 threads)");
    }

    @Test
    void withoutThreadsAThreadCountChangeFails() {
        Path first = edit(snapshot(1), ledger("sig-1", Map.of("max_depth", 4, "nthread", 1)));
        Path second = edit(snapshot(2), ledger("sig-2", Map.of("max_depth", 4, "nthread", 2)));

        VerdictJudge.Judgement judgement = judge(Set.of(Perturbation.IDENTITY_HASH), first, second);

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.DIFFERS);
        assertThat(judgement.verdict().differences()).extracting(Verdict.Difference::field)
                .containsExactly("comparison_group.hyperparameters_signature");
    }

    @Test
    void aRunWithoutSnapshotNextToOneWithIsAnError() {
        VerdictJudge.Judgement judgement = judge(Set.of(), snapshot(1), null);

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.ERROR);
        assertThat(judgement.verdict().message()).isEqualTo("Run 2 of 2 wrote no snapshot while run 1 did: the"
                + " runs did different work.");
    }

    @Test
    void runsThatRecordedNothingAtAllAreReproducible() {
        VerdictJudge.Judgement judgement = judge(Set.of(), null, null);

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.REPRODUCIBLE);
        assertThat(judgement.failure()).isNull();
    }

    @Test
    void anUnreadableSnapshotIsAnErrorNamingTheRun() throws Exception {
        Path second = snapshot(2);
        Files.writeString(second.resolve(Snapshot.FILE_NAME), "{\"truncated\": ");

        VerdictJudge.Judgement judgement = judge(Set.of(), snapshot(1), second);

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.ERROR);
        assertThat(judgement.verdict().message()).startsWith("Run 2 of 2 wrote an unreadable snapshot: ");
    }

    @Test
    void aFailedRunDecidesBeforeAnyComparison() {
        List<PlannedChild> runs = children(2, Set.of());
        ChildResult failed = new ChildResult(ChildResult.Status.FAILED,
                ChildResult.Failure.of(new AssertionError("expected 3 rows")), null, 0, false, 1, 1, 1, Map.of(),
                Map.of(), Map.of());
        List<ChildOutcome> outcomes = List.of(completed(runs.get(0), snapshot(1)),
                new ChildOutcome(runs.get(1), 0, false, null, failed, 100, 0));

        VerdictJudge.Judgement judgement = VerdictJudge.judge(plan(Set.of(), runs), outcomes);

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.ERROR);
        assertThat(judgement.verdict().message()).startsWith("Run 2 of 2 failed in its child JVM (unperturbed): ")
                .contains("expected 3 rows").contains("\nlog: " + runs.get(1).files().stderr());
    }

    // --- runs that did not complete --------------------------------------------------------------------------

    private List<PlannedChild> twoRuns() throws java.io.IOException {
        List<PlannedChild> runs = children(2, Set.of());
        for (PlannedChild run : runs) {
            Files.createDirectories(run.files().dir());
        }
        return runs;
    }

    private VerdictJudge.Judgement judge(List<PlannedChild> runs, ChildOutcome second) {
        return VerdictJudge.judge(plan(Set.of(), runs), List.of(completed(runs.get(0), snapshot(1)), second));
    }

    @Test
    void aRunThatCouldNotStartNamesItsCommand() throws Exception {
        List<PlannedChild> runs = twoRuns();
        VerdictJudge.Judgement judgement = judge(runs, new ChildOutcome(runs.get(1), null, false,
                "java: not found", null, 0, 0));

        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.ERROR);
        assertThat(judgement.verdict().message()).isEqualTo("Run 2 of 2 could not be started: java: not found"
                + "\ncommand: " + runs.get(1).files().command());
        assertThat(judgement.verdict().runs().get(1).status()).isEqualTo("NOT_STARTED");
        assertThat(judgement.failure()).isInstanceOf(AssertionFailedError.class)
                .hasMessage(judgement.verdict().message());
    }

    @Test
    void aTimeoutNamesTheLimitAndQuotesTheLastLinesOfTheLog() throws Exception {
        List<PlannedChild> runs = twoRuns();
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            log.append("line ").append(i).append('\n');
        }
        Files.writeString(runs.get(1).files().stderr(), log);

        VerdictJudge.Judgement judgement = judge(runs, new ChildOutcome(runs.get(1), null, true, null, null, 60_000,
                0));

        String message = judgement.verdict().message();
        assertThat(message).startsWith("Run 2 of 2 timed out after 60 s (timeoutSeconds) and was killed with its"
                + " child processes.\nlast lines of stderr.log:\n  | line 6\n").contains("\n  | line 25\nlog: ")
                .doesNotContain("| line 5\n").endsWith("replay (from any shell): sh " + runs.get(1).files().command());
        assertThat(judgement.verdict().runs().get(1).status()).isEqualTo("TIMED_OUT");
    }

    @Test
    void aCrashNamesTheSignalAndSaysWhenTheLogIsEmpty() throws Exception {
        List<PlannedChild> runs = twoRuns();
        Files.writeString(runs.get(1).files().stderr(), "");

        VerdictJudge.Judgement judgement = judge(runs, new ChildOutcome(runs.get(1), 137, false, null, null, 10, 0));

        assertThat(judgement.verdict().message()).startsWith("Run 2 of 2 crashed: exit code 137 (SIGKILL). Its"
                + " stderr.log is empty.\nlog: ");
        assertThat(judgement.verdict().runs().get(1).status()).isEqualTo("CRASHED");
        assertThat(judgement.verdict().runs().get(1).exitCode()).isEqualTo(137);
    }

    @Test
    void anOutOfMemoryErrorPointsAtTheLogThatHasTheLine() throws Exception {
        List<PlannedChild> runs = twoRuns();
        Files.writeString(runs.get(1).files().stderr(), "nothing here\n");
        Files.writeString(runs.get(1).files().stdout(), "Terminating due to java.lang.OutOfMemoryError: Java heap"
                + " space\n");

        String message = judge(runs, new ChildOutcome(runs.get(1), 3, false, null, null, 10, 0)).verdict().message();

        assertThat(message).startsWith("Run 2 of 2 ran out of memory (-Xmx?; raise repro4j.child.maxHeap) and exited"
                + " with exit code 3: Terminating due to java.lang.OutOfMemoryError: Java heap space.")
                .contains("last lines of stdout.log:").contains("\nlog: " + runs.get(1).files().stdout());
    }

    @Test
    void aRunThatExitedWithoutAResultSaysWhereItShouldBe() throws Exception {
        List<PlannedChild> runs = twoRuns();
        String message = judge(runs, new ChildOutcome(runs.get(1), 0, false, null, null, 10, 0)).verdict().message();

        assertThat(message).startsWith("Run 2 of 2 exited without writing its result " + runs.get(1).files().result()
                + ".");
    }

    @Test
    void aStrictRefusalIsReportedAsARefusalAndAbortsInEveryRunAbortTheTest() throws Exception {
        List<PlannedChild> runs = twoRuns();
        ChildResult refused = new ChildResult(ChildResult.Status.FAILED, ChildResult.Failure.of(
                new IllegalStateException("Strict environment missing: OMP_NUM_THREADS")), null, 0, false, 0, -1, 0,
                Map.of(), Map.of(), Map.of());
        assertThat(judge(runs, new ChildOutcome(runs.get(1), 0, false, null, refused, 10, 0)).verdict().message())
                .startsWith("Run 2 of 2 refused to run in its child JVM (unperturbed): ");

        ChildResult aborted = new ChildResult(ChildResult.Status.ABORTED, ChildResult.Failure.of(
                new org.opentest4j.TestAbortedException("no GPU here")), null, 0, false, 0, -1, 0, Map.of(), Map.of(),
                Map.of());
        VerdictJudge.Judgement judgement = VerdictJudge.judge(plan(Set.of(), runs), List.of(
                new ChildOutcome(runs.get(0), 0, false, null, aborted, 10, 0),
                new ChildOutcome(runs.get(1), 0, false, null, aborted, 10, 0)));
        assertThat(judgement.verdict().verdict()).isEqualTo(Verdict.Kind.ERROR);
        assertThat(judgement.verdict().message()).isEqualTo("aborted in every run: no GPU here");
        assertThat(judgement.failure()).isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessage("Aborted in every child JVM: no GPU here");

        VerdictJudge.Judgement once = judge(runs, new ChildOutcome(runs.get(1), 0, false, null, aborted, 10, 0));
        assertThat(once.verdict().message()).startsWith("Run 2 of 2 failed in its child JVM (unperturbed): ");
    }

    @Test
    void aSharedChildsEndIsExplainedInTheMessage() throws Exception {
        List<PlannedChild> runs = twoRuns();
        String message = judge(runs, new ChildOutcome(runs.get(1), 1, false, null, null, 10, 0,
                "It was the child JVM shared by the tests of a.X.")).verdict().message();

        assertThat(message).startsWith("Run 2 of 2 crashed: exit code 1. It was the child JVM shared by the tests of"
                + " a.X.");
        String timedOut = judge(runs, new ChildOutcome(runs.get(1), null, true, null, null, 10, 0, "Shared."))
                .verdict().message();
        assertThat(timedOut).startsWith("Run 2 of 2 timed out after 60 s (the sum of the timeoutSeconds of the tests"
                + " sharing it) and was killed with its child processes. Shared.");
    }
}
