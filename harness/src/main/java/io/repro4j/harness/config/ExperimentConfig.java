package io.repro4j.harness.config;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One experiment file, {@code config/experiments/<name>.yaml}: a description, overrides of the
 * {@code reproducibility} and {@code strict} settings, and the user's free-form {@code data}, {@code targets} and
 * {@code training} maps. Values are deep-immutable and typed as Python's YAML loader types them ({@code Integer} /
 * {@code Long} / {@code BigInteger}, {@code Double}, {@code Boolean}, {@code String}, {@code List}, {@code Map},
 * {@code null}).
 *
 * <p>Obtain it from {@link ConfigLoader#experiment(String, boolean)}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ExperimentConfig {

    private final String name;
    private final Path path;
    private final Map<String, Object> document;
    private final Map<String, Integer> lines;
    private final Overrides overrides;

    ExperimentConfig(String name, Path path, Map<String, Object> document, Map<String, Integer> lines,
            Overrides overrides) {
        this.name = name;
        this.path = path;
        this.document = document;
        this.lines = Map.copyOf(lines);
        this.overrides = overrides;
    }

    /** The experiment's name, the file name without {@code .yaml}. */
    public String name() {
        return name;
    }

    /** The file it was read from. */
    public Path path() {
        return path;
    }

    /** The {@code description}, or the empty string when the file has none. */
    public String description() {
        Object value = document.get("description");
        return value == null ? "" : value.toString();
    }

    /** The {@code data} map (empty when absent). */
    public Map<String, Object> data() {
        return section("data");
    }

    /** The {@code targets} map (empty when absent). */
    public Map<String, Object> targets() {
        return section("targets");
    }

    /** The {@code training} map (empty when absent). */
    public Map<String, Object> training() {
        return section("training");
    }

    /** The whole file as an immutable map. */
    public Map<String, Object> asMap() {
        return document;
    }

    /**
     * The value at {@code dottedPath} (e.g. {@code training.num_round}), converted to {@code type}; empty when a key on
     * the path is absent or the value is empty ({@code null}). Integers widen to {@code Long}, {@code Double} and
     * {@code BigInteger}, and narrow to {@code Integer} when they fit; nothing else is converted.
     *
     * @throws ConfigException naming file, line, key and expected type when the value is of another type
     */
    public <T> Optional<T> get(String dottedPath, Class<T> type) {
        Objects.requireNonNull(dottedPath, "dottedPath");
        Objects.requireNonNull(type, "type");
        Object current = document;
        String walked = "";
        for (String segment : dottedPath.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> map)) {
                throw mismatch(walked, current, "a mapping (to look up '" + dottedPath + "')");
            }
            walked = walked.isEmpty() ? segment : walked + "." + segment;
            if (!map.containsKey(segment)) {
                return Optional.empty();
            }
            current = map.get(segment);
        }
        if (current == null) {
            return Optional.empty();
        }
        Object converted = convert(current, type);
        if (converted == null) {
            throw mismatch(walked, current, type.getSimpleName());
        }
        return Optional.of(type.cast(converted));
    }

    /** The effective {@code reproducibility} / {@code strict} overrides of this file. */
    Overrides overrides() {
        return overrides;
    }

    @Override
    public String toString() {
        return "ExperimentConfig{name=" + name + ", path=" + path + "}";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String key) {
        Object value = document.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private ConfigException mismatch(String key, Object value, String expected) {
        Integer line = lines.get(key);
        return new ConfigException(path + (line == null ? "" : " line " + line) + ": key '" + key + "' is "
                + describe(value) + ", expected " + expected + ".");
    }

    private static Object convert(Object value, Class<?> type) {
        if (type.isInstance(value)) {
            return value;
        }
        boolean integral = value instanceof Integer || value instanceof Long || value instanceof BigInteger;
        if (!integral) {
            if ((type == Float.class) && value instanceof Double d) {
                return d.floatValue();
            }
            return null;
        }
        BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
        if (type == Long.class && big.bitLength() <= 63) {
            return big.longValue();
        }
        if (type == Integer.class && big.bitLength() <= 31) {
            return big.intValue();
        }
        if (type == BigInteger.class) {
            return big;
        }
        if (type == Double.class) {
            return big.doubleValue();
        }
        if (type == Float.class) {
            return big.floatValue();
        }
        return null;
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String s) {
            return "the string '" + s + "'";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Double d) {
            return "the float " + d;
        }
        return "the integer " + value;
    }
}
