package io.repro4j.harness.snapshot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.results.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One {@code snapshot.json} as read back, with its sibling {@code metrics.json} and {@code predictions.json}.
 * Reads snapshots written by repro4j and by the reference pipeline; unknown keys are kept.
 *
 * <pre>{@code
 * Snapshot s = Snapshot.read(cohortDir);
 * String data = s.get("comparison_group.dataset_signature");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Snapshot {

    /** The file name of a snapshot inside a cohort directory. */
    public static final String FILE_NAME = "snapshot.json";

    /** Keys every snapshot must have. */
    static final List<String> REQUIRED_KEYS = List.of("run_id", "timestamp", "target", "view", "comparison_group");

    /** The {@code comparison_group} keys in the order the verdict compares them. */
    public static final List<String> COMPARISON_GROUP_KEYS = List.of("experiment_id", "dataset_signature",
            "task_signature", "routing_signature", "feature_signature", "hyperparameters_signature", "train_seed",
            "model_family", "library_versions_signature", "data_sha256");

    /** The top-level digest fields the verdict compares after {@code comparison_group}. */
    public static final List<String> DIGEST_KEYS = List.of("metrics_sha256", "predictions_sha256",
            "predictions_f64_sha256", "model_sha256");

    private final Path path;
    private final JsonNode json;

    private Snapshot(Path path, JsonNode json) {
        this.path = path;
        this.json = json;
    }

    /**
     * Reads a snapshot from a cohort directory or a {@code snapshot.json} file.
     *
     * @throws Repro4jException naming the file and what is wrong with it (missing, invalid JSON at line/column,
     *     missing key)
     */
    public static Snapshot read(Path cohortDirOrSnapshotJson) {
        Path file = Files.isDirectory(cohortDirOrSnapshotJson)
                ? cohortDirOrSnapshotJson.resolve(FILE_NAME) : cohortDirOrSnapshotJson;
        JsonNode root = readJson(file, "snapshot");
        if (!root.isObject()) {
            throw new Repro4jException("Corrupted snapshot " + file + ": expected a JSON object, found "
                    + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        for (String key : REQUIRED_KEYS) {
            if (!root.has(key)) {
                throw new Repro4jException("Corrupted snapshot " + file + ": missing key '" + key
                        + "'. Delete the file or re-run the training that wrote it.");
            }
        }
        if (!root.get("comparison_group").isObject()) {
            throw new Repro4jException("Corrupted snapshot " + file + ": 'comparison_group' is not an object.");
        }
        return new Snapshot(file, root);
    }

    /** Parses a JSON file, turning every problem into a message that names the file and says what to do. */
    static JsonNode readJson(Path file, String what) {
        try {
            return Json.readTree(file, what);
        } catch (Repro4jException e) {
            if (e.getMessage().startsWith("Corrupted")) {
                throw new Repro4jException(e.getMessage() + " Delete the file or re-run the training that wrote it.",
                        e.getCause());
            }
            throw e;
        }
    }

    /** The {@code snapshot.json} file. */
    public Path path() {
        return path;
    }

    /** The cohort directory holding the snapshot. */
    public Path directory() {
        return path.toAbsolutePath().getParent();
    }

    /** The parsed snapshot. */
    public JsonNode json() {
        return json;
    }

    /** The node at a dotted path ({@code comparison_group.train_seed}), or a missing node. */
    public JsonNode node(String dottedField) {
        JsonNode node = json;
        for (String part : dottedField.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** The text of a dotted field; {@code null} when absent or JSON null; objects and arrays as compact JSON. */
    public String get(String dottedField) {
        return text(node(dottedField));
    }

    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** The metrics from the sibling {@code metrics.json}, in file order; empty when there is none. */
    public Map<String, Object> metrics() {
        Path file = directory().resolve("metrics.json");
        if (!Files.exists(file)) {
            return Map.of();
        }
        JsonNode node = readJson(file, "metrics");
        if (!node.isObject()) {
            throw new Repro4jException("Corrupted metrics " + file + ": expected a JSON object.");
        }
        return Collections.unmodifiableMap(Json.MAPPER.convertValue(node,
                new TypeReference<LinkedHashMap<String, Object>>() { }));
    }

    /** The predictions from the sibling {@code predictions.json}, when recorded. */
    public Optional<double[]> predictions() {
        Path file = directory().resolve("predictions.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode values = readJson(file, "predictions").path("values");
        if (!values.isArray()) {
            throw new Repro4jException("Corrupted predictions " + file + ": 'values' is not an array.");
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(values.get(i), file, i);
        }
        return Optional.of(out);
    }

    private static double toDouble(JsonNode value, Path file, int index) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            switch (value.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new Repro4jException("Corrupted predictions " + file + ": values[" + index + "] is not a number ("
                + value + ").");
    }

    /**
     * The fingerprint fields in verdict order: {@code comparison_group.*} (the documented keys, then any others
     * the snapshot has, sorted), then {@code metrics_sha256}, {@code predictions_sha256},
     * {@code predictions_f64_sha256}, {@code model_sha256}. Absent fields map to {@code null}.
     */
    public Map<String, String> fingerprints() {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode group = json.path("comparison_group");
        for (String key : COMPARISON_GROUP_KEYS) {
            out.put("comparison_group." + key, text(group.get(key)));
        }
        List<String> extra = new ArrayList<>();
        for (Iterator<String> it = group.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!COMPARISON_GROUP_KEYS.contains(key)) {
                extra.add(key);
            }
        }
        Collections.sort(extra);
        for (String key : extra) {
            out.put("comparison_group." + key, text(group.get(key)));
        }
        for (String key : DIGEST_KEYS) {
            out.put(key, text(json.get(key)));
        }
        return out;
    }

    /**
     * The environment fingerprint ({@code environment}, or the reference's {@code process.environment}); an empty
     * object when the snapshot has none.
     */
    public JsonNode environment() {
        JsonNode env = json.path("environment");
        if (env.isObject()) {
            return env;
        }
        env = json.path("process").path("environment");
        return env.isObject() ? env : JsonNodeFactory.instance.objectNode();
    }

    @Override
    public String toString() {
        return "Snapshot[" + path + "]";
    }
}
