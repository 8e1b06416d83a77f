package io.repro4j.harness.fingerprint;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/** Python's {@code <} and {@code ==} over Python-typed Java values, as {@code sorted()} uses them. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PythonOrder {

    private PythonOrder() {
    }

    /** Thrown where Python's {@code <} raises {@code TypeError}. */
    public static final class NotComparableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotComparableException(Object a, Object b) {
            super("'<' not supported between " + typeName(a) + " and " + typeName(b), null, false, false);
        }
    }

    /**
     * Compares strings by Unicode code point, as Python does. {@link String#compareTo} compares UTF-16 units and
     * would put U+1F600 before U+FF5A.
     */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * Python's ordering: numbers (bools included, {@code True == 1}) compare exactly by value, strings by code
     * point, lists lexicographically.
     *
     * @throws NotComparableException for any other pair (mixed types, dicts, {@code None})
     */
    public static int compare(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            BigDecimal x = exact(a);
            BigDecimal y = exact(b);
            if (x == null || y == null) { // NaN: every comparison is False, no total order exists
                throw new NotComparableException(a, b);
            }
            return x.compareTo(y);
        }
        if (a instanceof String s && b instanceof String t) {
            return compareCodePoints(s, t);
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            int n = Math.min(l.size(), m.size());
            for (int i = 0; i < n; i++) {
                if (!pyEquals(l.get(i), m.get(i))) {
                    return compare(l.get(i), m.get(i));
                }
            }
            return Integer.compare(l.size(), m.size());
        }
        throw new NotComparableException(a, b);
    }

    /** Python's {@code ==}: {@code 1 == 1.0 == True}, otherwise same type and equal contents. */
    public static boolean pyEquals(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            BigDecimal x = exact(a);
            BigDecimal y = exact(b);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            if (l.size() != m.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!pyEquals(l.get(i), m.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> p && b instanceof Map<?, ?> q) {
            if (!p.keySet().equals(q.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : p.entrySet()) {
                if (!pyEquals(e.getValue(), q.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    static boolean isNumber(Object o) {
        return o instanceof Boolean || o instanceof Integer || o instanceof Long || o instanceof Short
                || o instanceof Byte || o instanceof BigInteger || o instanceof Double || o instanceof Float;
    }

    /** The exact value of a Python number, or null for NaN; infinities map beyond every finite double. */
    private static BigDecimal exact(Object o) {
        if (o instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (o instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Double.isNaN(d)) {
                return null;
            }
            if (Double.isInfinite(d)) {
                // Larger in magnitude than any double; ints beyond it are astronomically rare in metrics.
                BigDecimal huge = BigDecimal.TEN.pow(400);
                return d > 0 ? huge : huge.negate();
            }
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(((Number) o).longValue());
    }

    private static String typeName(Object o) {
        if (o == null) {
            return "'NoneType'";
        }
        if (o instanceof Map) {
            return "'dict'";
        }
        if (o instanceof List) {
            return "'list'";
        }
        return "'" + o.getClass().getSimpleName() + "'";
    }
}
