package io.repro4j.harness.fingerprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.repro4j.harness.seed.SeedDerivation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the reference's vectors ({@code fn}, {@code inputs}, {@code output}, optional intermediates) against our
 * implementations. A file in the same format can replace the bundled one with {@code -Drepro4j.vectors=FILE}.
 */
final class ReferenceVectors {

    static final String PROPERTY = "repro4j.vectors";
    static final String RESOURCE = "/golden/reference-vectors.json";

    /** Keys of a vector that are neither inputs nor outputs to compare. */
    private static final Set<String> DESCRIPTIVE_KEYS = Set.of("fn", "inputs", "output", "note");

    private static final Map<String, Function<Inputs, Result>> FUNCTIONS = functions();

    private ReferenceVectors() {
    }

    /** One vector: {@code index} is its position in the file, {@code extras} the intermediates it carries. */
    record Vector(String source, int index, String fn, Map<String, Object> inputs, Object output,
            Map<String, Object> extras) {
        String name() {
            return fn + " #" + index;
        }
    }

    /** What an implementation returned: the output and the intermediates it can show. */
    private record Result(Object output, Map<String, Object> intermediates) {
        static Result of(Object output) {
            return new Result(output, Map.of());
        }
    }

    /** The vectors to run: the file named by {@code -Drepro4j.vectors}, else the bundled ones. */
    static List<Vector> selected() {
        Path file = overrideFile(System.getProperty(PROPERTY));
        return file != null ? load(file) : loadBundled();
    }

    /** The file a {@code repro4j.vectors} value names, or null when unset (blank, or Maven's unresolved {@code ${…}}). */
    static Path overrideFile(String propertyValue) {
        if (propertyValue == null || propertyValue.isBlank() || propertyValue.startsWith("${")) {
            return null;
        }
        return Path.of(propertyValue.trim());
    }

    static List<Vector> load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference vectors " + file + " (-D" + PROPERTY + "): "
                    + e.getMessage(), e);
        }
    }

    static List<Vector> loadBundled() {
        try (InputStream in = ReferenceVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Vector> parse(String json, String source) {
        Object root;
        try {
            root = PythonJson.loads(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("vectors") instanceof List<?> items)) {
            throw new IllegalArgumentException(source + ": expected an object with a \"vectors\" list");
        }
        if (doc.get("count") instanceof Number count && count.intValue() != items.size()) {
            throw new IllegalArgumentException(source + ": \"count\" says " + count + " but " + items.size()
                    + " vectors are present");
        }
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> raw) || !(raw.get("fn") instanceof String fn)
                    || !(raw.get("inputs") instanceof Map<?, ?> inputs)) {
                throw new IllegalArgumentException(source + ": vector #" + i + " needs a string \"fn\" and an"
                        + " object \"inputs\"");
            }
            Map<String, Object> extras = new LinkedHashMap<>();
            raw.forEach((k, v) -> {
                if (!DESCRIPTIVE_KEYS.contains((String) k)) {
                    extras.put((String) k, decode(v));
                }
            });
            vectors.add(new Vector(source, i, fn, (Map<String, Object>) decode(inputs), decode(raw.get("output")),
                    extras));
        }
        return vectors;
    }

    static List<DynamicTest> dynamicTests(List<Vector> vectors) {
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v))).toList();
    }

    /**
     * Runs one vector.
     *
     * @throws AssertionError naming the inputs, the expected and the actual values when they differ, or the
     *     {@code fn} when it is unknown
     */
    static void check(Vector vector) {
        Function<Inputs, Result> function = FUNCTIONS.get(vector.fn());
        if (function == null) {
            throw new AssertionError("reference vector " + vector.name() + " in " + vector.source()
                    + ": unknown fn '" + vector.fn() + "'; implemented: " + new java.util.TreeSet<>(FUNCTIONS.keySet())
                    + "\n  inputs: " + show(vector.inputs()));
        }
        Inputs inputs = new Inputs(vector.inputs());
        Result result;
        try {
            result = function.apply(inputs);
        } catch (RuntimeException e) {
            throw new AssertionError("reference vector " + vector.name() + " in " + vector.source() + " threw "
                    + e + "\n  inputs:   " + show(vector.inputs()) + "\n  expected: " + show(vector.output()), e);
        }
        List<String> problems = new ArrayList<>();
        Set<String> unused = new LinkedHashSet<>(vector.inputs().keySet());
        unused.removeAll(inputs.used);
        if (!unused.isEmpty()) {
            problems.add("inputs not understood by our " + vector.fn() + ": " + unused);
        }
        if (!jsonEquals(vector.output(), result.output())) {
            problems.add("output differs");
        }
        StringBuilder detail = new StringBuilder();
        detail.append("\n  inputs:   ").append(show(vector.inputs()));
        detail.append("\n  expected: ").append(show(vector.output()));
        detail.append("\n  actual:   ").append(show(result.output()));
        vector.extras().forEach((key, expected) -> {
            if (result.intermediates().containsKey(key)) {
                Object actual = result.intermediates().get(key);
                if (!jsonEquals(expected, actual)) {
                    problems.add(key + " differs");
                }
                detail.append("\n  ").append(key).append(" expected: ").append(show(expected));
                detail.append("\n  ").append(key).append(" actual:   ").append(show(actual));
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("reference vector " + vector.name() + " in " + vector.source() + ": "
                    + String.join("; ", problems) + detail);
        }
    }

    private static Map<String, Function<Inputs, Result>> functions() {
        Map<String, Function<Inputs, Result>> f = new LinkedHashMap<>();
        f.put("normalize_seed", in -> Result.of(SeedDerivation.normalize(in.bigInteger("seed"))));
        f.put("resolve_seed", in -> {
            Number global = in.number("global_seed");
            String phase = in.string("phase");
            String target = in.stringOr("target", null);
            int fold = in.has("fold") ? in.number("fold").intValue() : 0;
            String symbol = in.stringOr("symbol", null);
            String view = in.stringOr("view", null);
            String version = in.stringOr("version", "v1");
            return new Result(SeedDerivation.resolve(global, phase, target, fold, symbol, view, version),
                    Map.of("payload", SeedDerivation.resolvePayload(global, phase, target, fold, symbol, view,
                            version)));
        });
        f.put("stable_seed_from", in -> {
            List<?> parts = in.list("parts");
            long modulo = in.has("modulo") ? in.number("modulo").longValue() : SeedDerivation.MODULUS;
            return new Result(SeedDerivation.stableSeedFrom(parts, modulo),
                    Map.of("joined", SeedDerivation.joinParts(parts)));
        });
        f.put("metrics_sha256", in -> {
            Map<String, ?> metrics = in.map("metrics");
            Map<String, Object> intermediates = new LinkedHashMap<>();
            intermediates.put("canonical_string", MetricsDigest.canonicalString(metrics));
            return new Result(MetricsDigest.sha256(metrics), intermediates);
        });
        f.put("canonical_json", in -> {
            Object obj = in.get("obj");
            String full = CanonicalJson.sha256Full(obj);
            return new Result(CanonicalJson.write(obj),
                    Map.of("sha256_full", full, "sha256_short16", full.substring(0, 16)));
        });
        f.put("compute_target_fingerprint", in -> Result.of(Signatures.task(in.all())));
        f.put("compute_routing_fingerprint", in -> {
            String view = in.string("view");
            String symbol = in.stringOr("symbol", null);
            Integer threshold = in.has("min_symbols_threshold") && in.get("min_symbols_threshold") != null
                    ? in.number("min_symbols_threshold").intValue() : null;
            Map<String, ?> gating = in.has("gating_flags") ? in.map("gating_flags") : null;
            Map<String, ?> availability = in.has("feature_availability") ? in.map("feature_availability") : null;
            return new Result(Signatures.routing(view, symbol, threshold, gating, availability),
                    Map.of("canonical_json",
                            Signatures.routingCanonicalJson(view, symbol, threshold, gating, availability)));
        });
        f.put("compute_hparams_fingerprint",
                in -> Result.of(Signatures.hyperparameters(in.string("model_family"), in.map("params"))));
        f.put("tr_dataset_signature", in -> {
            Number maxRows = in.has("max_rows_per_symbol") ? in.number("max_rows_per_symbol") : null;
            return Result.of(Signatures.dataset(in.stringOr("data_dir", null), in.strings("symbols"),
                    maxRows == null ? null : maxRows.intValue()));
        });
        f.put("feature_signature_from_names", in -> Result.of(Signatures.featureNames(in.strings("feature_names"))));
        f.put("compute_feature_fingerprint", in -> {
            Signatures.FeatureFingerprint fp = Signatures.featureFingerprint(in.strings("feature_names"));
            return Result.of(Map.of("set", fp.set(), "order", fp.order()));
        });
        f.put("run_identity_keys", in -> {
            Number seed = in.has("train_seed") ? in.number("train_seed") : null;
            RunIdentity keys = RunIdentity.keys(in.stringOr("dataset_signature", null),
                    in.stringOr("split_signature", null), in.stringOr("target_signature", null),
                    in.stringOr("feature_signature", null), in.stringOr("hparams_signature", null),
                    in.stringOr("routing_signature", null), seed == null ? null : seed.longValue(),
                    in.stringOr("registry_overlay_signature", null));
            return Result.of(Map.of("strict_key", keys.strictKey(), "replicate_key", keys.replicateKey(),
                    "debug_key", keys.debugKey(), "run_id", keys.runId()));
        });
        f.put("prediction_fingerprint_regression", in -> {
            List<?> preds = in.list("preds");
            double[] values = new double[preds.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((Number) preds.get(i)).doubleValue();
            }
            PredictionFingerprint fp = PredictionFingerprint.regression(values, in.strings("row_ids"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("prediction_hash", fp.predictionHash());
            out.put("prediction_hash_live", fp.predictionHashLive());
            out.put("row_ids_hash", fp.rowIdsHash());
            out.put("kind", fp.kind());
            out.put("dtype", fp.dtype());
            out.put("shape", fp.shape());
            return Result.of(out);
        });
        f.put("aggregated_predictions_sha256",
                in -> Result.of(Aggregates.predictionsSha256(in.strings("prediction_hashes"))));
        return Map.copyOf(f);
    }

    /** A vector's inputs, remembering which were read so that an input we ignore is reported. */
    private static final class Inputs {
        private final Map<String, Object> values;
        private final Set<String> used = new LinkedHashSet<>();

        Inputs(Map<String, Object> values) {
            this.values = values;
        }

        boolean has(String key) {
            used.add(key);
            return values.containsKey(key);
        }

        Object get(String key) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("missing input '" + key + "'");
            }
            used.add(key);
            return values.get(key);
        }

        Map<String, Object> all() {
            used.addAll(values.keySet());
            return values;
        }

        Number number(String key) {
            Object v = get(key);
            return v == null ? null : (Number) v;
        }

        BigInteger bigInteger(String key) {
            Object v = get(key);
            return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
        }

        String string(String key) {
            return (String) get(key);
        }

        String stringOr(String key, String fallback) {
            return has(key) ? (String) get(key) : fallback;
        }

        List<?> list(String key) {
            return (List<?>) get(key);
        }

        @SuppressWarnings("unchecked")
        List<String> strings(String key) {
            return (List<String>) get(key);
        }

        @SuppressWarnings("unchecked")
        Map<String, ?> map(String key) {
            return (Map<String, ?>) get(key);
        }
    }

    /** Undoes the file's encoding: {@code {"__float__": "NaN"}} and {@code {"__int__": "<decimal>"}}. */
    private static Object decode(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("__float__") instanceof String f) {
                return switch (f) {
                    case "NaN" -> Double.NaN;
                    case "Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    default -> throw new IllegalArgumentException("unknown __float__ value '" + f + "'");
                };
            }
            if (map.size() == 1 && map.get("__int__") instanceof String i) {
                return new BigInteger(i);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, decode(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(decode(item)));
            return out;
        }
        return value;
    }

    /** Equality as the JSON file means it: ints by value whatever their Java type, floats bit for bit. */
    private static boolean jsonEquals(Object expected, Object actual) {
        if (isInt(expected) && isInt(actual)) {
            return toBig(expected).equals(toBig(actual));
        }
        if (expected instanceof Double e && actual instanceof Double a) {
            return Double.doubleToLongBits(e) == Double.doubleToLongBits(a);
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return e.keySet().equals(a.keySet())
                    && e.keySet().stream().allMatch(k -> jsonEquals(e.get(k), a.get(k)));
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!jsonEquals(e.get(i), a.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected == null ? actual == null : expected.equals(actual);
    }

    private static boolean isInt(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof BigInteger;
    }

    private static BigInteger toBig(Object o) {
        return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
    }

    private static String show(Object value) {
        try {
            return PythonJson.dumps(value);
        } catch (IllegalArgumentException notJson) {
            return String.valueOf(value);
        }
    }
}
