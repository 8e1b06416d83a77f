package io.repro4j.harness.fingerprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Python's {@code json} module over Python-typed Java values ({@code Integer}/{@code Long}/{@code BigInteger} are
 * ints, {@code Double}/{@code Float} are floats, {@code Boolean}, {@code String}, {@code null}, {@code List},
 * {@code Map<String, ?>}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PythonJson {

    private PythonJson() {
    }

    /**
     * Built on first {@link #loads}: every signature goes through {@link #dumps}, and building a mapper cost a child
     * JVM ~40 ms of CPU in its snapshot writing.
     */
    private static final class Reader {
        // Jackson's untyped reading already gives Integer/Long/BigInteger for ints and Double for floats; the
        // features are spelled out because the int/float distinction changes every digest.
        static final JsonMapper READER = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // Python writes NaN, Infinity, -Infinity
                .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .disable(DeserializationFeature.USE_LONG_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * {@code json.dumps(value, sort_keys=True)}: separators {@code ", "} and {@code ": "}, keys in code point order,
     * non-ASCII escaped as lowercase {@code \}{@code uXXXX}, floats as Python's {@code repr}.
     *
     * @throws IllegalArgumentException for a value that is not Python-typed (the message names its type)
     */
    public static String dumps(Object value) {
        return dumps(value, ", ", ": ");
    }

    /** {@code json.dumps(value, sort_keys=True, separators=(itemSeparator, keySeparator))}. */
    public static String dumps(Object value, String itemSeparator, String keySeparator) {
        StringBuilder out = new StringBuilder();
        write(out, value, itemSeparator, keySeparator);
        return out.toString();
    }

    /**
     * {@code json.loads(text)}: ints stay {@code Integer}/{@code Long}/{@code BigInteger}, floats become
     * {@code Double} ({@code NaN}, {@code Infinity}, {@code -Infinity} accepted), objects keep their order.
     *
     * @throws JsonProcessingException when {@code text} is not one JSON value
     */
    public static Object loads(String text) throws JsonProcessingException {
        return Reader.READER.readValue(text, Object.class);
    }

    private static void write(StringBuilder out, Object value, String itemSep, String keySep) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatLiteral(((Number) value).doubleValue()));
        } else if (value instanceof CharSequence s) {
            writeString(out, s.toString());
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, itemSep, keySep);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(itemSep);
                }
                write(out, list.get(i), itemSep, keySep);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot serialise a " + value.getClass().getName()
                    + " as Python JSON: use null, Boolean, Integer/Long/BigInteger, Double, String, List or Map");
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, String itemSep, String keySep) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException("JSON object keys must be strings, found "
                        + (key == null ? "null" : key.getClass().getName() + " " + key));
            }
            keys.add(s);
        }
        keys.sort(PythonOrder::compareCodePoints);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(itemSep);
            }
            writeString(out, keys.get(i));
            out.append(keySep);
            write(out, map.get(keys.get(i)), itemSep, keySep);
        }
        out.append('}');
    }

    private static String floatLiteral(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        return PyFloat.repr(x);
    }

    /** Python's {@code ensure_ascii} escaping: UTF-16 units outside space..tilde as {@code \}{@code uXXXX}. */
    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
