package io.repro4j.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.compare.Comparison;
import io.repro4j.harness.compare.FieldDifference;
import io.repro4j.harness.compare.FingerprintComparison;
import io.repro4j.harness.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/** Compares the snapshots of completed runs with run 1's and explains any difference. */
final class SnapshotVerdict {

    private SnapshotVerdict() {
    }

    static VerdictJudge.Judgement compare(RunPlan plan, List<ChildOutcome> outcomes, List<Verdict.RunReport> reports) {
        int n = outcomes.size();
        List<Snapshot> snapshots = new ArrayList<>();
        for (ChildOutcome o : outcomes) {
            String dir = o.result().cohortDir();
            if (dir == null) {
                // Only possible with requireLedger = false and requireRecords = false and nothing done: nothing to compare.
                snapshots.add(null);
                continue;
            }
            try {
                snapshots.add(Snapshot.read(Path.of(dir)));
            } catch (Repro4jException e) {
                return VerdictJudge.error(plan, reports, "Run " + o.run().index() + " of " + n
                        + " wrote an unreadable snapshot: " + e.getMessage(), e);
            }
        }
        Snapshot reference = snapshots.get(0);
        if (snapshots.stream().allMatch(Objects::isNull)) {
            return new VerdictJudge.Judgement(VerdictJudge.verdict(plan, reports, Verdict.Kind.REPRODUCIBLE, null,
                    Map.of(), List.of(), Map.of()), null);
        }
        for (int i = 0; i < n; i++) {
            if (snapshots.get(i) == null) {
                return VerdictJudge.error(plan, reports, "Run " + (i + 1) + " of " + n + " wrote no snapshot while "
                        + (reference == null ? "another run" : "run 1") + " did: the runs did different work.", null);
            }
        }
        Map<String, String> fingerprints = new LinkedHashMap<>(reference.fingerprints());
        JsonNode environment = reference.environment();

        List<Verdict.Difference> differences = new ArrayList<>();
        int firstRun = -1;
        Comparison first = null;
        List<String> alsoDiffer = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            Comparison c = expectedByPerturbation(FingerprintComparison.compare(reference, snapshots.get(i)),
                    outcomes.get(i).run().request().perturbations(), reference, snapshots.get(i));
            for (FieldDifference d : c.differences()) {
                differences.add(new Verdict.Difference(i + 1, d.field(), d.referenceValue(), d.otherValue(),
                        d.detail() == null ? "" : d.detail()));
            }
            if (!c.identical()) {
                if (first == null) {
                    first = c;
                    firstRun = i + 1;
                } else {
                    alsoDiffer.add("run " + (i + 1) + " (" + fields(c) + ")");
                }
            }
        }
        if (first == null) {
            return new VerdictJudge.Judgement(VerdictJudge.verdict(plan, reports, Verdict.Kind.REPRODUCIBLE, null,
                    fingerprints, List.of(), environment), null);
        }
        String message = message(plan, outcomes, snapshots, firstRun, first, alsoDiffer);
        Verdict verdict = VerdictJudge.verdict(plan, reports, Verdict.Kind.DIFFERS, message, fingerprints, differences,
                environment);
        return new VerdictJudge.Judgement(verdict, new AssertionFailedError(message,
                reference.get(first.differences().get(0).field()), snapshots.get(firstRun - 1)
                        .get(first.differences().get(0).field())));
    }

    /** Thread-count parameters: the THREADS perturbation changes exactly these, on purpose. */
    static final List<String> THREAD_PARAMETERS = List.of("nthread", "nthreads", "num_threads", "num_thread", "n_jobs");

    /**
     * Drops differences a run's perturbation causes by design: under THREADS the policy leaves the thread count to
     * the library, so the hyper-parameters signature moves while every other parameter stays equal.
     */
    static Comparison expectedByPerturbation(Comparison c, RunPerturbations p, Snapshot reference, Snapshot other) {
        if (p.threads() == null || !sameLedgerExceptThreads(reference, other)) {
            return c;
        }
        List<FieldDifference> kept = new ArrayList<>();
        List<String> identical = new ArrayList<>(c.identicalFields());
        for (FieldDifference d : c.differences()) {
            if (d.field().equals("comparison_group.hyperparameters_signature")) {
                identical.add(d.field() + " (up to thread parameters)");
            } else {
                kept.add(d);
            }
        }
        return new Comparison(kept, identical, c.environmentChanges());
    }

    private static boolean sameLedgerExceptThreads(Snapshot reference, Snapshot other) {
        JsonNode a = reference.node("estimator_ledger");
        JsonNode b = other.node("estimator_ledger");
        if (!a.isArray() || !b.isArray() || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            JsonNode pa = a.get(i).path("effective_params").deepCopy();
            JsonNode pb = b.get(i).path("effective_params").deepCopy();
            if (pa instanceof com.fasterxml.jackson.databind.node.ObjectNode oa
                    && pb instanceof com.fasterxml.jackson.databind.node.ObjectNode ob) {
                oa.remove(THREAD_PARAMETERS);
                ob.remove(THREAD_PARAMETERS);
                if (!oa.equals(ob)) {
                    return false;
                }
            } else if (!pa.equals(pb)) {
                return false;
            }
        }
        return true;
    }

    private static String fields(Comparison c) {
        return c.differences().stream().map(FieldDifference::field).collect(Collectors.joining(", "));
    }

    static String message(RunPlan plan, List<ChildOutcome> outcomes, List<Snapshot> snapshots, int run,
            Comparison c, List<String> alsoDiffer) {
        int n = outcomes.size();
        ChildOutcome outcome = outcomes.get(run - 1);
        RunPerturbations p = outcome.run().request().perturbations();
        StringBuilder sb = new StringBuilder();
        sb.append("Training is not reproducible: ").append(fields(c))
                .append(c.differences().size() == 1 ? " differs" : " differ").append(" in run ").append(run)
                .append(" of ").append(n).append(p.any() ? " (" + p.describe() + ")" : "").append('.');
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
        for (String hint : hints(c, p, snapshots.get(0), snapshots.get(run - 1))) {
            sb.append("\nhint: ").append(hint);
        }
        if (!c.environmentChanges().isEmpty()) {
            sb.append("\nenvironment: ").append(String.join(", ", c.environmentChanges()));
        }
        sb.append("\nseed: ").append(plan.trainSeed());
        ChildRequest request = outcome.run().request();
        String simpleClass = request.testClass().substring(request.testClass().lastIndexOf('.') + 1);
        String testProperty = simpleClass.endsWith("IT") ? "it.test" : "test";
        sb.append("\nreplay: mvn verify -D").append(testProperty).append("='").append(simpleClass).append('#')
                .append(request.testMethod()).append("' (or one run exactly: sh ")
                .append(outcome.run().commandFile()).append(')');
        sb.append("\nsnapshots: run 1 ").append(snapshots.get(0).directory()).append(", run ").append(run).append(' ')
                .append(snapshots.get(run - 1).directory());
        return sb.toString();
    }

    /** What to look for, from which fingerprints moved and what the differing run changed. */
    static List<String> hints(Comparison c, RunPerturbations p, Snapshot reference, Snapshot other) {
        List<String> hints = new ArrayList<>();
        boolean inputs = c.differences().stream().anyMatch(d -> d.field().startsWith("comparison_group."));
        if (inputs) {
            hints.add("an input fingerprint moved: the test fed different data, parameters or seeds into training"
                    + " (look for data generated from an unseeded Random, the clock, or file order)");
        }
        if (p.identityHashShift() != 0) {
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
            List<String> threadParams = threadParameterChanges(reference, other);
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
        if (!p.any() && !inputs) {
            hints.add("the runs were not perturbed, so the training itself varies between JVMs: look for an unseeded"
                    + " new Random(), Math.random(), System.nanoTime()/currentTimeMillis() or UUID.randomUUID() reaching"
                    + " the data or the parameters, or a seed not passed to the estimator");
        }
        return hints;
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

    /** Thread-related effective parameters that differ between the two runs' estimator ledgers. */
    static List<String> threadParameterChanges(Snapshot reference, Snapshot other) {
        List<String> out = new ArrayList<>();
        JsonNode a = reference.node("estimator_ledger");
        JsonNode b = other.node("estimator_ledger");
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            JsonNode pa = a.get(i).path("effective_params");
            JsonNode pb = b.get(i).path("effective_params");
            for (String key : List.of("nthread", "num_threads", "n_jobs", "device", "device_type")) {
                JsonNode va = pa.path(key);
                JsonNode vb = pb.path(key);
                if (!va.equals(vb)) {
                    out.add(a.get(i).path("library").asText("estimator " + i) + " " + key + " "
                            + (va.isMissingNode() ? "(unset)" : va.asText()) + " → "
                            + (vb.isMissingNode() ? "(unset)" : vb.asText()));
                }
            }
        }
        return out;
    }
}
