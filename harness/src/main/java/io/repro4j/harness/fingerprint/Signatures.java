package io.repro4j.harness.fingerprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/** The reference's signatures of what a run trained on and how: the {@code comparison_group} fields. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Signatures {

    /** The fields {@link #task(Map)} accepts, as the reference's {@code compute_target_fingerprint} names them. */
    public static final Set<String> TASK_FIELDS = Set.of("target", "target_column", "label_definition_hash",
            "horizon_minutes", "objective", "barriers", "thresholds", "normalization", "winsorize_limits",
            "binning_rules");

    private static final int SCHEMA = 1;

    private Signatures() {
    }

    /** The two feature fingerprints: of the set of names and of their order, 16 hex digits each. */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public record FeatureFingerprint(String set, String order) {
    }

    /**
     * The {@code task_signature} ({@code compute_target_fingerprint}): {@code fields} holds any of
     * {@link #TASK_FIELDS} with Python-typed values; absent and null fields are left out.
     *
     * @throws IllegalArgumentException for a field name the reference does not know
     */
    public static String task(Map<String, ?> fields) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        fields.forEach((name, value) -> {
            if (!TASK_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown task fingerprint field '" + name + "'; expected one of "
                        + new TreeSet<>(TASK_FIELDS));
            }
            doc.put(name, value);
        });
        return CanonicalJson.sha256Full(doc);
    }

    /** The {@code routing_signature} ({@code compute_routing_fingerprint(view, symbol)}); {@code symbol} may be null. */
    public static String routing(String view, String symbol) {
        return routing(view, symbol, null, null, null);
    }

    /** The {@code routing_signature} with every input of {@code compute_routing_fingerprint}; nulls are left out. */
    public static String routing(String view, String symbol, Integer minSymbolsThreshold, Map<String, ?> gatingFlags,
            Map<String, ?> featureAvailability) {
        return Sha256.hex(routingCanonicalJson(view, symbol, minSymbolsThreshold, gatingFlags, featureAvailability));
    }

    /** The canonical JSON {@link #routing(String, String, Integer, Map, Map)} hashes, for diagnosing a mismatch. */
    public static String routingCanonicalJson(String view, String symbol, Integer minSymbolsThreshold,
            Map<String, ?> gatingFlags, Map<String, ?> featureAvailability) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("view", view);
        doc.put("symbol", symbol);
        doc.put("min_symbols_threshold", minSymbolsThreshold);
        doc.put("auto_flip_enabled", false);
        doc.put("gating_flags", gatingFlags);
        doc.put("feature_availability", featureAvailability);
        return CanonicalJson.write(doc);
    }

    /** The {@code hyperparameters_signature} ({@code compute_hparams_fingerprint(model_family, params)}). */
    public static String hyperparameters(String modelFamily, Map<String, ?> params) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("model_family", modelFamily);
        doc.put("params", params);
        return CanonicalJson.sha256Full(doc);
    }

    /**
     * {@code compute_hparams_fingerprint(model_family, params)} with a list as {@code params}, as an ensemble's
     * signature is built: one {@code {model_family, params}} object per model.
     */
    public static String hyperparameters(String modelFamily, List<?> params) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("model_family", modelFamily);
        doc.put("params", params);
        return CanonicalJson.sha256Full(doc);
    }

    /**
     * The {@code dataset_signature} ({@code tr_dataset_signature(data_dir, symbols, max_rows_per_symbol)});
     * the symbols are sorted, so their order does not matter.
     */
    public static String dataset(String dataDir, List<String> symbols, Integer maxRowsPerSymbol) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("data_dir", dataDir);
        doc.put("symbols", symbols == null ? null : sortedCopy(symbols));
        doc.put("max_rows_per_symbol", maxRowsPerSymbol);
        return CanonicalJson.sha256Full(doc);
    }

    /** The {@code feature_signature} ({@code feature_signature_from_names}): {@code sha256("|".join(sorted(names)))}. */
    public static String featureNames(List<String> names) {
        return Sha256.hex(String.join("|", sortedCopy(names)));
    }

    /** The {@code universe=<sig>} directory name's signature: the first 12 hex of {@code sha256("|".join(sorted(symbols)))}. */
    public static String universe(List<String> symbols) {
        return Sha256.hex(String.join("|", sortedCopy(symbols))).substring(0, 12);
    }

    /** {@code compute_feature_fingerprint(names)}: set = sorted and newline-joined, order = as given. */
    public static FeatureFingerprint featureFingerprint(List<String> names) {
        String set = Sha256.hex(String.join("\n", sortedCopy(names))).substring(0, 16);
        String order = Sha256.hex(String.join("\n", names)).substring(0, 16);
        return new FeatureFingerprint(set, order);
    }

    private static List<String> sortedCopy(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.forEach(name -> Objects.requireNonNull(name, "names must not contain null"));
        sorted.sort(PythonOrder::compareCodePoints);
        return sorted;
    }
}
