package io.repro4j.junit.internal.verdict;

import io.repro4j.harness.compare.Comparison;
import io.repro4j.harness.compare.FieldDifference;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.fork.PlannedChild;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text that fails a test whose runs differ: which fingerprints moved in which run and what that run had
 * changed (first line), what else differs and what stayed identical, the metric and prediction details, hints at the
 * usual causes, the seed, how to replay, and where the snapshots are. Built from snapshots alone, so its wording is
 * tested from snapshot files on disk.
 */
final class FailureMessage {

    private FailureMessage() {
    }

    /**
     * The run a message is about.
     *
     * @param index its 1-based index
     * @param total how many runs the test has
     * @param perturbations what it changed
     * @param seed the train seed of every run
     * @param testClass the test class name
     * @param testMethod the test method name
     * @param replayScript the script that replays exactly this run
     * @param moduleDir the test JVM's working directory (the module's directory in a Maven build)
     */
    record DifferingRun(int index, int total, RunPerturbations perturbations, long seed, String testClass,
            String testMethod, Path replayScript, Path moduleDir) {

        static DifferingRun of(ForkPlan plan, PlannedChild child) {
            return new DifferingRun(child.index(), plan.children().size(), child.perturbations(), plan.trainSeed(),
                    plan.test().className(), plan.test().methodName(), child.files().command(),
                    Path.of("").toAbsolutePath());
        }
    }

    /** The message for {@code run}, whose snapshot {@code other} differs from run 1's {@code reference} as {@code c} says. */
    static String differs(Comparison c, Snapshot reference, Snapshot other, List<String> alsoDiffer, DifferingRun run) {
        RunPerturbations p = run.perturbations();
        StringBuilder sb = new StringBuilder();
        sb.append("Training is not reproducible: ").append(SnapshotComparison.fields(c))
                .append(c.differences().size() == 1 ? " differs" : " differ").append(" in run ").append(run.index())
                .append(" of ").append(run.total()).append(p.any() ? " (" + p.describe() + ")" : "").append('.');
        if (!alsoDiffer.isEmpty()) {
            sb.append("\nalso differ: ").append(String.join("; ", alsoDiffer));
        }
        sb.append("\nidentical: ").append(c.identicalFields().isEmpty() ? "(none)" : String.join(", ", c.identicalFields()));
        for (FieldDifference d : c.differences()) {
            if (d.detail() == null || d.detail().isEmpty()) {
                continue;
            }
            if (d.field().equals("metrics_sha256")) {
                sb.append("\nmetrics: ").append(d.detail());
            } else if (d.field().equals("predictions_f64_sha256")
                    || (d.field().equals("predictions_sha256") && c.differences().stream()
                            .noneMatch(x -> x.field().equals("predictions_f64_sha256")))) {
                sb.append("\npredictions: ").append(d.detail());
            } else if (!d.field().equals("predictions_sha256")) {
                sb.append('\n').append(d.field()).append(": ").append(d.detail());
            }
        }
        for (String hint : hints(c, p, reference, other)) {
            sb.append("\nhint: ").append(hint);
        }
        if (!c.environmentChanges().isEmpty()) {
            sb.append("\nenvironment: ").append(String.join(", ", c.environmentChanges()));
        }
        sb.append("\nseed: ").append(run.seed());
        sb.append("\nreplay: ").append(MavenReplay.command(run.testClass(), run.testMethod(), run.moduleDir()))
                .append(" (or one run exactly, from any shell: sh ").append(run.replayScript()).append(')');
        sb.append("\nsnapshots: run 1 ").append(reference.directory()).append(", run ").append(run.index()).append(' ')
                .append(other.directory());
        return sb.toString();
    }

    /** What to look for, from which fingerprints moved and what the differing run changed. */
    static List<String> hints(Comparison c, RunPerturbations p, Snapshot reference, Snapshot other) {
        List<String> hints = new ArrayList<>();
        boolean inputs = c.differences().stream().anyMatch(d -> d.field().startsWith("comparison_group."));
        boolean predictionsMoved = c.differences().stream().anyMatch(d -> d.field().startsWith("predictions_"));
        boolean sameModel = reference.get("model_sha256") != null && c.identicalFields().contains("model_sha256");
        if (predictionsMoved && sameModel) {
            // The training is fine; what varies lies outside it. Blaming identity-hash order would point the wrong way.
            hints.add("model_sha256 is identical in both runs, yet the predictions differ: the same model predicted"
                    + " differently, so the predictions come from a model built outside the choke point (trained"
                    + " directly against XGBoost4J or LightGBM instead of through Determinism.createEstimator,"
                    + " DeterministicXGBoost or Determinism.nativeTraining) or from code after training that varies"
                    + " between runs (the rows predicted or their order, post-processing, calibration on unseeded data)");
        }
        if (inputs) {
            hints.add("an input fingerprint moved: the test fed different data, parameters or seeds into training"
                    + " (look for data generated from an unseeded Random, the clock, or file order)");
        }
        if (p.identityHashShift() != 0 && !(predictionsMoved && sameModel)) {
            hints.add(leadField(c) + " differs in this run (identity-hash shift " + p.identityHashShift()
                    + "): the output may depend on identity-hash iteration order — look for HashMap/HashSet keyed by"
                    + " enums or objects without hashCode/equals, and iterate in a defined order (LinkedHashMap,"
                    + " TreeMap, EnumMap, Determinism.stableSort)");
        }
        if (p.threads() != null) {
            StringBuilder h = new StringBuilder("run 1 trained with 1 thread (OMP_NUM_THREADS=1, ForkJoinPool"
                    + " parallelism 1, force_single_thread on), this run with " + p.threads() + " (OMP_NUM_THREADS="
                    + p.threads() + ", ForkJoinPool parallelism " + p.threads()
                    + ", force_single_thread off so the library chose its threads)");
            List<String> threadParams = SnapshotComparison.threadParameterChanges(reference, other);
            if (!threadParams.isEmpty()) {
                h.append("; estimator settings that changed: ").append(String.join(", ", threadParams));
            }
            h.append(": the result depends on the thread count — look for parallel streams or reductions, or pin"
                    + " nthread/num_threads");
            hints.add(h.toString());
        }
        if (p.timeZone() != null) {
            hints.add("run 1 ran in en-US / UTC, this run in " + p.language() + "-" + p.country() + " / "
                    + p.timeZone() + ": look for String.format, NumberFormat, DecimalFormat, toLowerCase or"
                    + " Double.parseDouble of formatted text without Locale.ROOT, and dates computed in the default"
                    + " time zone (LocalDate.now(), new Date(), SimpleDateFormat)");
        }
        if (p.freshWorkingDirectory()) {
            hints.add("this run started in a fresh, empty working directory: look for relative paths"
                    + " (new File(\"data.csv\"), Path.of(\"...\")) and files a previous run left behind");
        }
        if (p.testOrderRotation() != 0) {
            hints.add("this run executed the tests of its shared child JVM in another order (" + p.describe()
                    .replaceAll(".*(tests in [^,]*).*", "$1") + "): the result depends on what a test run before it"
                    + " left in the JVM — look for static caches, singletons, system properties or files one test"
                    + " writes and another reads, and reset them in @BeforeEach/@AfterEach");
        }
        if (p.partitioning() != null) {
            hints.add(partitioningHint(p));
        }
        if (!p.any() && !inputs && !(predictionsMoved && sameModel)) {
            hints.add("the runs were not perturbed, so the training itself varies between JVMs: look for an unseeded"
                    + " new Random(), Math.random(), System.nanoTime()/currentTimeMillis() or UUID.randomUUID() reaching"
                    + " the data or the parameters, or a seed not passed to the estimator");
        }
        return hints;
    }

    /** What a run under other Spark partitioning defaults says, and where the deterministic layout comes from. */
    static String partitioningHint(RunPerturbations p) {
        StringBuilder settings = new StringBuilder();
        p.partitioning().systemProperties().forEach((k, v) -> settings.append(settings.isEmpty() ? "" : ", ")
                .append(k).append('=').append(v));
        return "run 1 used Spark's own partitioning defaults, this run " + settings + ": the training set's layout"
                + " (which rows each XGBoost worker gets, in which order) follows Spark's defaults — lay it out with"
                + " DeterministicSpark.canonical(data, numWorkers, keyColumns…) (hash-partitioned by stable keys into"
                + " exactly numWorkers partitions, sorted within them) before DeterministicSpark.fit, instead of"
                + " repartition(n), coalesce or the partitions a read happens to make";
    }

    /** The most telling differing field: the first output digest, else the first field. */
    private static String leadField(Comparison c) {
        for (String f : List.of("predictions_sha256", "predictions_f64_sha256", "model_sha256", "metrics_sha256")) {
            for (FieldDifference d : c.differences()) {
                if (d.field().equals(f)) {
                    return f;
                }
            }
        }
        return c.differences().get(0).field();
    }

}
