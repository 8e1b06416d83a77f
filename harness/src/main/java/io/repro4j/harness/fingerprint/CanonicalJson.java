package io.repro4j.harness.fingerprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The reference's {@code canonical_json}: the stable text every signature is hashed from. Floats are rounded to
 * 10 decimals, NaN and infinities become the strings {@code __NaN__}, {@code __Infinity__},
 * {@code __NegInfinity__}, null values are dropped from objects (after recursion; nulls in lists stay), keys are
 * sorted by code point, list order is kept, separators are compact and non-ASCII is escaped.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CanonicalJson {

    private static final int DECIMALS = 10;

    private CanonicalJson() {
    }

    /** The canonical JSON text of {@code value}. */
    public static String write(Object value) {
        return PythonJson.dumps(normalize(value), ",", ":");
    }

    /** The reference's {@code sha256_full}: the 64-hex SHA-256 of {@link #write(Object)}. */
    public static String sha256Full(Object value) {
        return Sha256.hex(write(value));
    }

    private static Object normalize(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            if (Double.isNaN(x)) {
                return "__NaN__";
            }
            if (Double.isInfinite(x)) {
                return x > 0 ? "__Infinity__" : "__NegInfinity__";
            }
            return PyFloat.round(x, DECIMALS);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object normalized = normalize(v);
                if (normalized != null) {
                    out.put(k, normalized);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(normalize(item)));
            return out;
        }
        return value;
    }
}
