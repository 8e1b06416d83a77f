package io.repro4j.harness.fingerprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The reference's {@code metrics_sha256}: a digest of the metrics rounded to 6 decimals. It cannot see last-bit
 * drift (kept for compatibility); the bitwise verdict rests on the prediction and model digests.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class MetricsDigest {

    private static final int DECIMALS = 6;

    private MetricsDigest() {
    }

    /** The SHA-256 of {@link #canonicalString(Map)}, or null when there are no metrics. */
    public static String sha256(Map<String, ?> metrics) {
        String canonical = canonicalString(metrics);
        return canonical == null ? null : Sha256.hex(canonical);
    }

    /**
     * The normalised metrics as {@code json.dumps(..., sort_keys=True)} writes them, or null when there are none.
     * Normalisation: NaN and infinities become null, other floats are rounded to 6 decimals, lists are sorted
     * (kept in their order when Python could not sort them), keys are sorted.
     */
    public static String canonicalString(Map<String, ?> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return null;
        }
        return PythonJson.dumps(normalize(metrics));
    }

    private static Object normalize(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            return Double.isNaN(x) || Double.isInfinite(x) ? null : PyFloat.round(x, DECIMALS);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalize(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(normalize(item)));
            List<Object> sorted = new ArrayList<>(out);
            try {
                sorted.sort(PythonOrder::compare); // stable, like sorted()
                return sorted;
            } catch (PythonOrder.NotComparableException notSortable) {
                return out;
            }
        }
        return value;
    }
}
