package io.repro4j.junit.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.RunRecorder;
import io.repro4j.harness.compare.Comparison;
import io.repro4j.harness.compare.FingerprintComparison;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.Perturbation;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wording of a DIFFERS failure, from snapshot files written by the real snapshot writer, without forking. */
class FailureMessageTest {

    private static final double[] PREDICTIONS = {0.25, 0.5, 0.75, 1.0};

    @TempDir
    Path root;

    private Path write(String run, double[] predictions, double rmse, String dataDigest) {
        RunRecorder recorder = RunRecorder.builder().resultsRoot(root).runName(run).target("fwd_ret_10m")
                .trainSeed(1234).build();
        recorder.recordDataset("synthetic/interval=5m", List.of("AAA"), null, dataDigest);
        recorder.recordMetrics(Map.of("rmse", rmse));
        recorder.recordPredictions(predictions);
        return recorder.write();
    }

    private static void edit(Path cohort, Consumer<ObjectNode> change) {
        Path file = cohort.resolve(Snapshot.FILE_NAME);
        ObjectNode json = (ObjectNode) Json.readTree(file, "snapshot");
        change.accept(json);
        Json.write(file, json);
    }

    private FailureMessage.DifferingRun run(int index, int total, RunPerturbations perturbations) {
        return new FailureMessage.DifferingRun(index, total, perturbations, 1234, "com.acme.ReturnModelTest",
                "trains", Path.of("/results/work/ReturnModelTest.trains-1/run-" + index + "/command.txt"), root);
    }

    private static String message(Path a, Path b, FailureMessage.DifferingRun run) {
        Snapshot reference = Snapshot.read(a);
        Snapshot other = Snapshot.read(b);
        Comparison c = FingerprintComparison.compare(reference, other);
        return FailureMessage.differs(c, reference, other, List.of(), run);
    }

    @Test
    void theFirstLineNamesExactlyTheMovedOutputsTheRunAndWhatItChanged() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r3", new double[] {0.25, 0.5, 0.7500000000000001, 1.0}, 0.5, "aa");

        String message = message(a, b, run(3, 3, RunPerturbations.forRun(3, Set.of(Perturbation.IDENTITY_HASH), 2)));

        assertThat(message.lines().findFirst().orElseThrow()).isEqualTo("Training is not reproducible: "
                + "predictions_f64_sha256 differs in run 3 of 3 (identity-hash shift 31).");
        assertThat(message).contains("\nidentical: comparison_group.experiment_id, ")
                .contains("\npredictions: first difference at index 2: 0.75 → 0.7500000000000001 (1 ulp); 1 of 4"
                        + " predictions differ")
                .contains("\nhint: predictions_f64_sha256 differs in this run (identity-hash shift 31)")
                .contains("\nseed: 1234")
                .contains("\nreplay: cd " + root + " && mvn test -Dtest='ReturnModelTest#trains'"
                        + " -Dsurefire.failIfNoSpecifiedTests=false (or one run exactly, from any shell: sh "
                        + "/results/work/ReturnModelTest.trains-1/run-3/command.txt)")
                .contains("\nsnapshots: run 1 " + a + ", run 3 " + b);
    }

    @Test
    void predictionsThatMoveWithAnIdenticalModelPointOutsideTheTrainingNotAtHashOrder() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", new double[] {0.3, 0.5, 0.75, 1.0}, 0.5, "aa");
        edit(a, json -> json.put("model_sha256", "same-model"));
        edit(b, json -> json.put("model_sha256", "same-model"));

        String message = message(a, b, run(2, 2, RunPerturbations.forRun(2, Set.of(Perturbation.IDENTITY_HASH), 2)));

        assertThat(message).contains("hint: model_sha256 is identical in both runs, yet the predictions differ")
                .contains("a model built outside the choke point").contains("code after training")
                .doesNotContain("identity-hash iteration order").doesNotContain("the runs were not perturbed");
    }

    @Test
    void aMovedInputLeadsAndGetsTheInputHint() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", PREDICTIONS, 0.5, "bb");

        String message = message(a, b, run(2, 2, RunPerturbations.none()));

        assertThat(message).startsWith("Training is not reproducible: comparison_group.data_sha256 differs in run 2"
                + " of 2.\n")
                .contains("hint: an input fingerprint moved")
                .doesNotContain("the runs were not perturbed");
    }

    @Test
    void metricsDifferencesShowBothValuesAndTheirDistance() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", PREDICTIONS, 0.51, "aa");

        String message = message(a, b, run(2, 2, RunPerturbations.none()));

        assertThat(message.lines().findFirst().orElseThrow())
                .isEqualTo("Training is not reproducible: metrics_sha256 differs in run 2 of 2.");
        assertThat(message).contains("\nmetrics: metrics differ: rmse: 0.5 → 0.51 (" + Math.round((0.51 - 0.5) / Math.ulp(0.5))
                + " ulps)")
                .contains("hint: the runs were not perturbed, so the training itself varies between JVMs");
    }

    @Test
    void underThreadsTheHintNamesTheThreadCountsAndTheEstimatorSettingsThatChanged() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", new double[] {0.3, 0.5, 0.75, 1.0}, 0.5, "aa");
        edit(a, json -> json.putArray("estimator_ledger").addObject().put("library", "xgboost")
                .putObject("effective_params").put("nthread", 1));
        edit(b, json -> json.putArray("estimator_ledger").addObject().put("library", "xgboost")
                .putObject("effective_params").put("nthread", 2));

        String message = message(a, b, run(2, 2, RunPerturbations.forRun(2, Set.of(Perturbation.THREADS), 2)));

        assertThat(message).contains("(2 threads).")
                .contains("hint: run 1 trained with 1 thread (OMP_NUM_THREADS=1, ForkJoinPool parallelism 1,"
                        + " force_single_thread on), this run with 2")
                .contains("estimator settings that changed: xgboost nthread 1 → 2");
    }

    @Test
    void aRunUnderOtherSparkPartitioningNamesItFirstAndPointsToTheCanonicalLayout() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", new double[] {0.3, 0.5, 0.75, 1.0}, 0.5, "aa");

        String message = message(a, b, run(2, 2, RunPerturbations.forRun(2,
                Set.of(Perturbation.IDENTITY_HASH, Perturbation.PARTITIONING), 2)));

        assertThat(message.lines().findFirst().orElseThrow()).contains("predictions_sha256")
                .endsWith(" differ in run 2 of 2 (identity-hash shift 17, Spark partitioning: parallelism 3,"
                        + " shuffle partitions 7, max partition bytes 262144, open cost 0).");
        assertThat(message).contains("hint: run 1 used Spark's own partitioning defaults, this run"
                + " spark.default.parallelism=3, spark.sql.shuffle.partitions=7").contains("DeterministicSpark.canonical(");
    }

    @Test
    void inAMultiModuleBuildTheReplayRunsFromTheRootSelectingTheModule() throws java.io.IOException {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", new double[] {0.3, 0.5, 0.75, 1.0}, 0.5, "aa");
        Path build = java.nio.file.Files.createDirectories(root.resolve("build/models/returns"));
        for (Path dir : List.of(root.resolve("build"), root.resolve("build/models"), build)) {
            java.nio.file.Files.writeString(dir.resolve("pom.xml"), "<project/>");
        }
        FailureMessage.DifferingRun unit = new FailureMessage.DifferingRun(2, 2, RunPerturbations.none(), 1,
                "a.ReturnModelTest", "trains", Path.of("/c.txt"), build);
        FailureMessage.DifferingRun it = new FailureMessage.DifferingRun(2, 2, RunPerturbations.none(), 1, "a.ModelIT",
                "trains", Path.of("/c.txt"), build);

        assertThat(message(a, b, unit)).contains("\nreplay: cd " + root.resolve("build") + " && mvn test -pl"
                + " models/returns -am -Dtest='ReturnModelTest#trains' -Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(message(a, b, it)).contains("\nreplay: cd " + root.resolve("build") + " && mvn verify -pl"
                + " models/returns -am -Dit.test='ModelIT#trains' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dfailsafe.failIfNoSpecifiedTests=false");
    }

    @Test
    void eachDifferenceGetsItsDetailLineAndThePredictionLineIsShownOnce() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", new double[] {0.25, 0.5, 0.8, 1.0}, 0.6, "aa");

        String message = message(a, b, run(2, 2, RunPerturbations.none()));

        assertThat(message).contains("\nmetrics: metrics differ: rmse: 0.5 → 0.6 (")
                .contains("\npredictions: first difference at index 2: 0.75 → 0.8");
        assertThat(message.split("\npredictions: ", -1)).hasSize(2);
        assertThat(message).doesNotContain("\npredictions_sha256: ").doesNotContain("\nenvironment: ");
    }

    @Test
    void aReferencePredictionDigestAloneStillGetsThePredictionLine() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", PREDICTIONS, 0.5, "aa");
        edit(b, json -> json.put("predictions_sha256", "moved"));

        String message = message(a, b, run(2, 2, RunPerturbations.none()));

        assertThat(message.lines().findFirst().orElseThrow())
                .isEqualTo("Training is not reproducible: predictions_sha256 differs in run 2 of 2.");
        assertThat(message).contains("\npredictions: predictions.json values are bitwise equal");
    }

    @Test
    void environmentChangesAreListed() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", PREDICTIONS, 0.6, "aa");
        edit(a, json -> json.putObject("environment").put("jdk_version", "17"));
        edit(b, json -> json.putObject("environment").put("jdk_version", "21"));

        assertThat(message(a, b, run(2, 2, RunPerturbations.none()))).contains("\nenvironment: jdk_version 17 → 21");
    }

    @Test
    void eachPerturbationGetsItsHintAndTheUnperturbedHintOnlyWithoutThem() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", PREDICTIONS, 0.6, "aa");
        RunPerturbations all = RunPerturbations.forRun(2, Set.of(Perturbation.LOCALE_AND_TIMEZONE,
                Perturbation.WORKING_DIRECTORY, Perturbation.TEST_ORDER), 2);

        List<String> hints = FailureMessage.hints(compare(a, b), all, Snapshot.read(a), Snapshot.read(b));

        assertThat(hints).hasSize(3);
        assertThat(hints.get(0)).startsWith("run 1 ran in en-US / UTC, this run in de-DE / Asia/Kolkata: ");
        assertThat(hints.get(1)).startsWith("this run started in a fresh, empty working directory");
        assertThat(hints.get(2)).startsWith("this run executed the tests of its shared child JVM in another order"
                + " (tests in reverse order): ");
        assertThat(FailureMessage.hints(compare(a, b), RunPerturbations.none(), Snapshot.read(a), Snapshot.read(b)))
                .singleElement().satisfies(h -> assertThat(h).startsWith("the runs were not perturbed"));
    }

    @Test
    void theIdentityHashHintNamesTheMostTellingMovedField() {
        Path a = write("r1", PREDICTIONS, 0.5, "aa");
        Path b = write("r2", PREDICTIONS, 0.5, "aa");
        edit(b, json -> json.put("model_sha256", "moved"));
        RunPerturbations shifted = RunPerturbations.forRun(2, Set.of(Perturbation.IDENTITY_HASH), 2);

        assertThat(FailureMessage.hints(compare(a, b), shifted, Snapshot.read(a), Snapshot.read(b)))
                .singleElement().satisfies(h -> assertThat(h).startsWith("model_sha256 differs in this run"
                        + " (identity-hash shift 17)"));
        edit(b, json -> json.put("model_sha256", Snapshot.read(a).get("model_sha256")));
        edit(b, json -> ((ObjectNode) json.get("comparison_group")).put("task_signature", "moved"));
        assertThat(FailureMessage.hints(compare(a, b), shifted, Snapshot.read(a), Snapshot.read(b)))
                .hasSize(2).last().satisfies(h -> assertThat(h).startsWith("comparison_group.task_signature differs"));
    }

    private static Comparison compare(Path a, Path b) {
        return FingerprintComparison.compare(Snapshot.read(a), Snapshot.read(b));
    }
}
