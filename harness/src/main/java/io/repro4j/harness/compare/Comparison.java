package io.repro4j.harness.compare;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The result of comparing the fingerprints of two snapshots.
 *
 * @param differences the fingerprint fields that differ, in verdict order
 * @param identicalFields the fingerprint fields that are equal, in verdict order
 * @param environmentChanges what differs in the environment fingerprint, e.g. {@code xgboost4j 3.4.0 → 3.5.0};
 *     drift that may explain a difference, not a difference itself
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Comparison(List<FieldDifference> differences, List<String> identicalFields,
        List<String> environmentChanges) {

    public Comparison {
        differences = List.copyOf(differences);
        identicalFields = List.copyOf(identicalFields);
        environmentChanges = List.copyOf(environmentChanges);
    }

    /** True when no fingerprint field differs. */
    public boolean identical() {
        return differences.isEmpty();
    }
}
