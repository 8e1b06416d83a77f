package io.repro4j.harness.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Compares the fingerprint fields of two snapshots and explains what moved: the metric keys behind a changed
 * {@code metrics_sha256} (with the distance in ULPs), the first differing prediction behind a changed prediction
 * digest, and environment drift.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class FingerprintComparison {

    private static final int MAX_METRIC_DETAILS = 10;

    private FingerprintComparison() {
    }

    /** Compares {@code other} against {@code reference}. */
    public static Comparison compare(Snapshot reference, Snapshot other) {
        Map<String, String> a = reference.fingerprints();
        Map<String, String> b = other.fingerprints();
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        List<FieldDifference> differences = new ArrayList<>();
        List<String> identical = new ArrayList<>();
        for (String field : fields) {
            String va = a.get(field);
            String vb = b.get(field);
            if (Objects.equals(va, vb)) {
                identical.add(field);
            } else {
                differences.add(new FieldDifference(field, va, vb, detail(field, reference, other)));
            }
        }
        return new Comparison(differences, identical, environmentChanges(reference.environment(),
                other.environment()));
    }

    private static String detail(String field, Snapshot reference, Snapshot other) {
        try {
            if (field.equals("metrics_sha256")) {
                return metricsDetail(reference.metrics(), other.metrics());
            }
            if (field.equals("predictions_sha256") || field.equals("predictions_f64_sha256")) {
                return predictionsDetail(reference.predictions(), other.predictions());
            }
        } catch (Repro4jException e) {
            return "cannot explain: " + e.getMessage();
        }
        return "";
    }

    /** The metric keys that differ, with both values and their distance in ULPs. */
    static String metricsDetail(Map<String, Object> reference, Map<String, Object> other) {
        Map<String, Object> a = flatten(reference);
        Map<String, Object> b = flatten(other);
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> parts = new ArrayList<>();
        int differing = 0;
        for (String key : keys) {
            Object va = a.get(key);
            Object vb = b.get(key);
            if (sameValue(va, vb, a.containsKey(key), b.containsKey(key))) {
                continue;
            }
            differing++;
            if (parts.size() < MAX_METRIC_DETAILS) {
                String line = key + ": " + repr(va, a.containsKey(key)) + " → " + repr(vb, b.containsKey(key));
                if (va instanceof Number na && vb instanceof Number nb) {
                    line += " (" + ulpsText(Ulps.between(na.doubleValue(), nb.doubleValue())) + ")";
                }
                parts.add(line);
            }
        }
        if (differing == 0) {
            return "metrics.json values are equal; the digest differs (metrics missing or recorded differently)";
        }
        String text = "metrics differ: " + String.join("; ", parts);
        return differing > parts.size() ? text + "; and " + (differing - parts.size()) + " more" : text;
    }

    private static boolean sameValue(Object va, Object vb, boolean hasA, boolean hasB) {
        if (hasA != hasB) {
            return false;
        }
        if (va instanceof Double da && vb instanceof Double db) {
            return Double.doubleToLongBits(da) == Double.doubleToLongBits(db);
        }
        return Objects.equals(va, vb);
    }

    private static String ulpsText(long ulps) {
        return ulps == Long.MAX_VALUE ? "NaN or too far for ULPs" : ulps + (ulps == 1 ? " ulp" : " ulps");
    }

    /** The first differing prediction (both values exactly) and how many differ. */
    static String predictionsDetail(Optional<double[]> reference, Optional<double[]> other) {
        if (reference.isEmpty() || other.isEmpty()) {
            return "predictions.json " + (reference.isEmpty() ? "missing in reference" : "missing in other");
        }
        double[] a = reference.get();
        double[] b = other.get();
        int n = Math.min(a.length, b.length);
        int first = -1;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        StringBuilder out = new StringBuilder();
        if (a.length != b.length) {
            out.append(a.length).append(" vs ").append(b.length).append(" predictions");
        }
        if (first >= 0) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append("first difference at index ").append(first).append(": ").append(a[first]).append(" → ")
                    .append(b[first]).append(" (").append(ulpsText(Ulps.between(a[first], b[first]))).append("); ")
                    .append(count).append(" of ").append(n).append(" predictions differ");
        }
        if (out.length() == 0) {
            out.append("predictions.json values are bitwise equal; the digest differs (row ids or recording)");
        }
        return out.toString();
    }

    private static String repr(Object value, boolean present) {
        if (!present) {
            return "(absent)";
        }
        return value == null ? "null" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static Map<String, Object> flatten(Map<String, Object> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        flattenInto("", metrics, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flattenInto(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                flattenInto(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(),
                        out);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flattenInto(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, value);
        }
    }

    /** Environment drift as human lines, e.g. {@code xgboost4j 3.4.0 → 3.5.0}, {@code jdk_version 17 → 21}. */
    public static List<String> environmentChanges(JsonNode reference, JsonNode other) {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        flattenJson("", reference, a);
        flattenJson("", other, b);
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String va = a.get(key);
            String vb = b.get(key);
            if (!Objects.equals(va, vb)) {
                out.add(label(key) + " " + FieldDifference.show(va) + " → " + FieldDifference.show(vb));
            }
        }
        return out;
    }

    /** Library versions, thread variables and native libraries are named by their own key. */
    private static String label(String dotted) {
        for (String group : List.of("library_versions.", "thread_variables.", "native_libraries.")) {
            if (dotted.startsWith(group)) {
                return dotted.substring(group.length());
            }
        }
        return dotted;
    }

    static void flattenJson(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            if (node.isEmpty() && !prefix.isEmpty()) {
                out.put(prefix, "{}");
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flattenJson(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(prefix, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flattenJson(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.isNull() ? "null" : node.asText());
        }
    }
}
