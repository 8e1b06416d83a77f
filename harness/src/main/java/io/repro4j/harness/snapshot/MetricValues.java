package io.repro4j.harness.snapshot;

import io.repro4j.harness.Repro4jException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Checks recorded metric values against the Python-typed values the digests understand and copies them:
 * ints ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger}), floats ({@code Double},
 * {@code Float}), {@code Boolean}, {@code String}, {@code null}, lists (also {@code double[]}, {@code int[]},
 * {@code long[]}) and maps with string keys.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class MetricValues {

    private MetricValues() {
    }

    /**
     * A deep copy of {@code metrics} with arrays turned into lists.
     *
     * @throws Repro4jException naming the key whose value has an unsupported type
     */
    public static Map<String, Object> copy(Map<String, ?> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : metrics.entrySet()) {
            if (e.getKey() == null) {
                throw new Repro4jException("Metric keys must be strings; found a null key.");
            }
            out.put(e.getKey(), value(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Object value(String key, Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Double || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof double[] arr) {
            List<Object> list = new ArrayList<>(arr.length);
            for (double d : arr) {
                list.add(d);
            }
            return list;
        }
        if (v instanceof int[] arr) {
            List<Object> list = new ArrayList<>(arr.length);
            for (int d : arr) {
                list.add(d);
            }
            return list;
        }
        if (v instanceof long[] arr) {
            List<Object> list = new ArrayList<>(arr.length);
            for (long d : arr) {
                list.add(d);
            }
            return list;
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(value(key + "[" + i + "]", list.get(i)));
            }
            return copy;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new Repro4jException("Metric '" + key + "' has a non-string key " + e.getKey()
                            + "; nested metric keys must be strings.");
                }
                copy.put(k, value(key + "." + k, e.getValue()));
            }
            return copy;
        }
        throw new Repro4jException("Metric '" + key + "' has an unsupported value type " + v.getClass().getName()
                + "; use numbers (Integer, Long, BigInteger, Double, Float), String, Boolean, null, List or Map.");
    }
}
