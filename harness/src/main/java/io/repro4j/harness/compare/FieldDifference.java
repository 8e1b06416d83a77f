package io.repro4j.harness.compare;

import org.apiguardian.api.API;

/**
 * One field that differs between two snapshots.
 *
 * @param field the dotted field name, e.g. {@code comparison_group.dataset_signature}
 * @param referenceValue the value in the reference snapshot, or {@code null} when absent
 * @param otherValue the value in the other snapshot, or {@code null} when absent
 * @param detail what exactly moved (metric keys and ULPs, first differing prediction), or an empty string
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record FieldDifference(String field, String referenceValue, String otherValue, String detail) {

    /** {@code field: A → B (detail)}. */
    @Override
    public String toString() {
        return field + ": " + show(referenceValue) + " → " + show(otherValue)
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }

    static String show(String value) {
        return value == null ? "(absent)" : value;
    }
}
