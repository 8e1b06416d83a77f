package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apiguardian.api.API;

/**
 * The baseline gate's outcome for one test, saved next to its verdict as
 * {@code <results root>/baselines/<test-key>.json} so the report can show it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BaselineRecord {

    private BaselineRecord() {
    }

    /**
     * {@code {test_id, test_key, verdict_finished_at, status, failed, file, message, changes, environment_changes}};
     * {@code verdict_finished_at} ties the record to one verdict, so a stale record is never shown with a newer verdict.
     */
    public static ObjectNode toJson(BaselineSubject subject, BaselineOutcome outcome, String verdictFinishedAt) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("verdict_finished_at", verdictFinishedAt);
        root.put("test_id", subject.testId());
        root.put("test_key", subject.testKey());
        root.put("status", outcome.status().name());
        root.put("failed", outcome.failed());
        root.put("file", outcome.file().toString());
        root.put("message", outcome.message());
        ArrayNode changes = root.putArray("changes");
        for (FingerprintChange change : outcome.changes()) {
            changes.addObject().put("field", change.field()).put("baseline", change.baseline())
                    .put("actual", change.actual());
        }
        ArrayNode environment = root.putArray("environment_changes");
        for (EnvironmentChange change : outcome.environmentChanges()) {
            environment.addObject().put("key", change.key()).put("label", change.label())
                    .put("baseline", change.baseline()).put("actual", change.actual());
        }
        return root;
    }

    /** Writes the record atomically to {@code baselines/<test key>.json} under the results root. */
    public static void write(ResultsLayout results, BaselineSubject subject, BaselineOutcome outcome,
                             String verdictFinishedAt) {
        Json.write(results.baselineRecord(subject.testKey()), toJson(subject, outcome, verdictFinishedAt));
    }
}
