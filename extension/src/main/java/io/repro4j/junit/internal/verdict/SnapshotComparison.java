package io.repro4j.junit.internal.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.compare.Comparison;
import io.repro4j.harness.compare.FieldDifference;
import io.repro4j.harness.compare.FingerprintComparison;
import io.repro4j.harness.estimator.ParamAliases;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.internal.fork.ChildOutcome;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/** Compares the snapshots of completed runs with run 1's; {@link FailureMessage} explains any difference. */
final class SnapshotComparison {

    private SnapshotComparison() {
    }

    static VerdictJudge.Judgement compare(ForkPlan plan, List<ChildOutcome> outcomes, List<Verdict.RunReport> reports) {
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
                    outcomes.get(i).run().perturbations(), reference, snapshots.get(i));
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
        List<String> libraries = new ArrayList<>();
        reference.node("models").forEach(m -> {
            String family = m.path("library").asText("");
            if (!family.isEmpty() && !libraries.contains(family)) {
                libraries.add(family);
            }
        });
        if (first == null) {
            return new VerdictJudge.Judgement(VerdictJudge.verdict(plan, reports, Verdict.Kind.REPRODUCIBLE, null,
                    fingerprints, List.of(), environment).trainedWith(libraries), null);
        }
        ChildOutcome differing = outcomes.get(firstRun - 1);
        String message = FailureMessage.differs(first, reference, snapshots.get(firstRun - 1), alsoDiffer,
                FailureMessage.DifferingRun.of(plan, differing.run()));
        Verdict verdict = VerdictJudge.verdict(plan, reports, Verdict.Kind.DIFFERS, message, fingerprints, differences,
                environment).trainedWith(libraries);
        return new VerdictJudge.Judgement(verdict, new AssertionFailedError(message,
                reference.get(first.differences().get(0).field()), snapshots.get(firstRun - 1)
                        .get(first.differences().get(0).field())));
    }

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
                oa.remove(ParamAliases.threadParameters());
                ob.remove(ParamAliases.threadParameters());
                if (!oa.equals(ob)) {
                    return false;
                }
            } else if (!pa.equals(pb)) {
                return false;
            }
        }
        return true;
    }

    static String fields(Comparison c) {
        return c.differences().stream().map(FieldDifference::field).collect(Collectors.joining(", "));
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
            List<String> keys = new ArrayList<>(ParamAliases.threadParameters());
            keys.addAll(List.of("device", "device_type"));
            for (String key : keys) {
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
