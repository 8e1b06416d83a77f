package io.repro4j.harness.snapshot;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Mode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.View;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.estimator.Rewrite;
import io.repro4j.harness.fingerprint.MetricsDigest;
import io.repro4j.harness.fingerprint.PredictionFingerprint;
import io.repro4j.harness.fingerprint.PyFloat;
import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.fingerprint.Signatures;
import io.repro4j.harness.results.AtomicFiles;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.SafeNames;
import io.repro4j.harness.seed.PyStr;
import io.repro4j.harness.strict.StrictGuard;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Collects one run's inputs and outputs and writes its snapshot tree under the results root (layout in
 * docs/ARCHITECTURE.md, "The snapshot tree"). {@link io.repro4j.harness.RunRecorder} is its public face.
 *
 * <p>{@code run_id} is {@code <timestamp yyyyMMdd'T'HHmmss.SSSSSS'Z'>_<first 12 hex of sha256(cohort id |
 * hyperparameters signature | train seed | run name)>}: it sorts by time, and two runs written in the same
 * microsecond still differ by run name. {@code timestamp} is ISO-8601 UTC with microseconds, so text order is
 * time order.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SnapshotWriter {

    /** The {@code fingerprint_schema_version} written. */
    public static final String SCHEMA_VERSION = "1.0";

    static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'";
    static final String RUN_ID_TIME_PATTERN = "yyyyMMdd'T'HHmmss.SSSSSS'Z'";

    /** What identifies the run; validated when the writer is created. */
    public record Settings(Path resultsRoot, String runName, String experimentId, String target, View view,
            String symbol, String stage, Long trainSeed, Map<String, ?> taskSpec, Mode mode) {
        public Settings {
            Objects.requireNonNull(resultsRoot, "resultsRoot");
            Objects.requireNonNull(view, "view");
            SafeNames.require("run name", runName);
            SafeNames.require("target", target);
            if (view == View.SYMBOL_SPECIFIC) {
                if (symbol == null) {
                    throw new Repro4jException("View SYMBOL_SPECIFIC needs a symbol: call symbol(\"AAPL\") on the "
                            + "builder, or use View.CROSS_SECTIONAL for a model pooled across symbols.");
                }
                SafeNames.require("symbol", symbol);
            } else if (symbol != null) {
                throw new Repro4jException("View CROSS_SECTIONAL pools all symbols, but symbol '"
                        + SafeNames.display(symbol) + "' was given: drop the symbol or use View.SYMBOL_SPECIFIC.");
            }
            taskSpec = taskSpec == null ? Map.of() : new LinkedHashMap<>(taskSpec);
        }
    }

    private final Settings settings;
    private final Supplier<List<LedgerEntry>> ledgerSource;
    private String dataDir;
    private List<String> symbols = List.of();
    private Integer maxRowsPerSymbol;
    private String dataSha256;
    private List<String> featureNames;
    private boolean datasetRecorded;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private double[] predictions;
    /** {@code [rows, columns]} of a prediction matrix, {@code null} for one value per row. */
    private int[] predictionShape;
    private List<String> rowIds;
    private final Map<String, Object> context = new LinkedHashMap<>();

    /**
     * A writer for one run.
     *
     * @param ledgerEntries the estimator ledger entries created by this run, asked for when {@link #write()} runs
     */
    public SnapshotWriter(Settings settings, Supplier<List<LedgerEntry>> ledgerEntries) {
        this.settings = settings;
        this.ledgerSource = ledgerEntries;
    }

    /** Records the dataset from its data; the feature names come from the dataset's columns. */
    public void recordDataset(String dataDir, List<String> symbols, Integer maxRowsPerSymbol, Dataset data) {
        Objects.requireNonNull(data, "data");
        recordDataset(dataDir, symbols, maxRowsPerSymbol, data.sha256());
        this.featureNames = data.featureNames();
    }

    /** Records the dataset by digest. */
    public void recordDataset(String dataDir, List<String> symbols, Integer maxRowsPerSymbol, String dataSha256) {
        this.dataDir = dataDir;
        this.symbols = symbols == null ? List.of() : List.copyOf(symbols);
        this.maxRowsPerSymbol = maxRowsPerSymbol;
        this.dataSha256 = dataSha256;
        this.datasetRecorded = true;
    }

    /** Records the feature names when the dataset was recorded by digest. */
    public void recordFeatureNames(List<String> names) {
        this.featureNames = List.copyOf(names);
    }

    /** Merges metrics (later keys win); values are checked by {@link MetricValues}. */
    public void recordMetrics(Map<String, ?> values) {
        metrics.putAll(MetricValues.copy(values));
    }

    /** Records predictions and their row ids ({@code "0", "1", …} when null). */
    public void recordPredictions(double[] values, List<String> ids) {
        Objects.requireNonNull(values, "predictions");
        setPredictions(values.clone(), null, ids);
    }

    /**
     * Records a prediction matrix, one row per input row (what {@code Booster.predict} returns, multiclass included),
     * and its row ids ({@code "0", "1", …} when null).
     *
     * @throws Repro4jException when the rows do not all have the same number of values
     */
    public void recordPredictions(double[][] rows, List<String> ids) {
        Objects.requireNonNull(rows, "predictions");
        int columns = rows.length == 0 ? 0 : width(rows[0], 0);
        double[] flat = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (width(rows[r], r) != columns) {
                throw new Repro4jException("recordPredictions got a ragged matrix: row " + r + " has "
                        + rows[r].length + " values, row 0 has " + columns + "; give every row the same width.");
            }
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        setPredictions(flat, new int[] {rows.length, columns}, ids);
    }

    /** {@link #recordPredictions(double[][], List)} for float32 predictions, widened to float64 (exactly). */
    public void recordPredictions(float[][] rows, List<String> ids) {
        Objects.requireNonNull(rows, "predictions");
        double[][] wide = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            float[] row = rows[r];
            if (row == null) {
                throw new Repro4jException("recordPredictions got a null row " + r + "; give every row its values.");
            }
            wide[r] = new double[row.length];
            for (int c = 0; c < row.length; c++) {
                wide[r][c] = row[c];
            }
        }
        recordPredictions(wide, ids);
    }

    private static int width(double[] row, int index) {
        if (row == null) {
            throw new Repro4jException("recordPredictions got a null row " + index + "; give every row its values.");
        }
        return row.length;
    }

    private void setPredictions(double[] values, int[] shape, List<String> ids) {
        int rows = shape == null ? values.length : shape[0];
        if (ids != null && ids.size() != rows) {
            throw new Repro4jException("recordPredictions got " + rows + " prediction rows but " + ids.size()
                    + " row ids; give one row id per row.");
        }
        this.predictions = values;
        this.predictionShape = shape;
        if (ids == null) {
            List<String> generated = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                generated.add(Integer.toString(i));
            }
            this.rowIds = generated;
        } else {
            this.rowIds = List.copyOf(ids);
        }
    }

    /**
     * The reference's {@code prediction_hash} where it defines one: one value per row, or a single column; null for
     * a wider matrix and for no predictions.
     */
    private String referencePredictionHash() {
        if (predictions == null || (predictionShape != null && predictionShape[1] != 1)) {
            return null;
        }
        return PredictionFingerprint.regression(predictions, rowIds).predictionHash();
    }

    /** The exact-bits digest: of the values, and for a matrix also of its shape. */
    private String float64PredictionHash() {
        if (predictions == null) {
            return null;
        }
        return predictionShape == null ? PredictionFingerprint.float64Sha256(predictions)
                : PredictionFingerprint.float64Sha256(predictions, predictionShape[0], predictionShape[1]);
    }

    /** Adds a key to {@code run_context}. */
    public void putContext(String key, Object value) {
        context.put(Objects.requireNonNull(key, "key"), value);
    }

    /** Writes the tree, {@code diff_prev.json} included, and returns the cohort directory. */
    public Path write() {
        return write(true);
    }

    /**
     * Writes the tree and returns the cohort directory.
     *
     * @param previousRunDiff whether to write {@code diff_prev.json} too; without it, whoever leaves it out writes it
     *     later with {@link DiffPrev#write}
     */
    public Path write(boolean previousRunDiff) {
        Instant now = Instant.now();
        List<LedgerEntry> ledger = List.copyOf(ledgerSource.get());
        String datasetSignature = datasetRecorded ? Signatures.dataset(dataDir, symbols, maxRowsPerSymbol) : null;
        Map<String, Object> task = new LinkedHashMap<>(settings.taskSpec());
        task.put("target", settings.target());
        String taskSignature = Signatures.task(task);
        String routingSignature = Signatures.routing(settings.view().name(), settings.symbol());
        String cohortId = Sha256.hex(PyStr.str(datasetSignature) + "|" + taskSignature + "|" + routingSignature)
                .substring(0, 12);

        List<Map<String, Object>> models = new ArrayList<>();
        List<String> modelHashes = new ArrayList<>();
        List<Map<String, Object>> familyParams = new ArrayList<>();
        for (LedgerEntry entry : ledger) {
            String family = entry.library().modelFamily();
            String hash = entry.model().modelSha256();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", entry.index());
            m.put("library", family);
            m.put("model_family", family);
            m.put("model_sha256", hash);
            m.put("hyperparameters_signature", Signatures.hyperparameters(family, entry.effectiveParams()));
            m.put("seed", entry.seed());
            models.add(m);
            modelHashes.add(hash == null ? "None" : hash);
            Map<String, Object> fp = new LinkedHashMap<>();
            fp.put("model_family", family);
            fp.put("params", entry.effectiveParams());
            familyParams.add(fp);
        }
        String modelFamily;
        String hyperparametersSignature;
        String modelSha256;
        if (ledger.isEmpty()) {
            modelFamily = null;
            hyperparametersSignature = null;
            modelSha256 = null;
        } else if (ledger.size() == 1) {
            modelFamily = (String) models.get(0).get("model_family");
            hyperparametersSignature = (String) models.get(0).get("hyperparameters_signature");
            modelSha256 = (String) models.get(0).get("model_sha256");
        } else {
            modelFamily = "ensemble";
            hyperparametersSignature = Signatures.hyperparameters(modelFamily, familyParams);
            modelSha256 = Sha256.hex(String.join("|", modelHashes));
        }

        Map<String, Object> environment = EnvironmentFingerprint.capture();
        @SuppressWarnings("unchecked")
        Map<String, ?> libraryVersions = (Map<String, ?>) environment.get("library_versions");

        Map<String, Object> group = new LinkedHashMap<>();
        group.put("experiment_id", settings.experimentId());
        group.put("dataset_signature", datasetSignature);
        group.put("task_signature", taskSignature);
        group.put("routing_signature", routingSignature);
        group.put("feature_signature", featureNames == null ? null : Signatures.featureNames(featureNames));
        group.put("hyperparameters_signature", hyperparametersSignature);
        group.put("train_seed", settings.trainSeed());
        group.put("model_family", modelFamily);
        group.put("library_versions_signature", EnvironmentFingerprint.libraryVersionsSignature(libraryVersions));
        group.put("data_sha256", dataSha256);

        String runId = utc(now, false) + "_" + Sha256.hex(cohortId + "|" + PyStr.str(hyperparametersSignature)
                + "|" + settings.trainSeed() + "|" + settings.runName()).substring(0, 12);
        String timestamp = utc(now, true);

        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("run_id", runId);
        snapshot.put("timestamp", timestamp);
        snapshot.put("stage", settings.stage());
        snapshot.put("view", settings.view().name());
        snapshot.put("target", settings.target());
        snapshot.put("symbol", settings.symbol());
        snapshot.put("mode", settings.mode() == null ? null : settings.mode().configName());
        snapshot.put("experiment_id", settings.experimentId());
        snapshot.put("fingerprint_schema_version", SCHEMA_VERSION);
        snapshot.put("repro4j_version", EnvironmentFingerprint.repro4jVersion());
        snapshot.put("comparison_group", group);
        snapshot.put("metrics_sha256", MetricsDigest.sha256(metrics));
        snapshot.put("predictions_sha256", referencePredictionHash());
        snapshot.put("predictions_f64_sha256", float64PredictionHash());
        snapshot.put("model_sha256", modelSha256);
        snapshot.put("models", models);
        snapshot.put("environment", environment);
        snapshot.put("estimator_ledger", ledgerJson(ledger));
        snapshot.put("run_context", new LinkedHashMap<>(context));
        // What a strict-mode JVM lacked of the strict environment when it trained anyway (require_env_vars: false).
        snapshot.put("strict_violations", settings.mode() == Mode.STRICT
                ? StrictGuard.recordedViolations(Determinism.loadReproducibilityConfig()) : List.of());

        // Layout: runs/<run>/targets/<target>/reproducibility/<VIEW>[/symbol=<SYM>]/cohort=<cs|sy>_<id>
        List<String> base = new ArrayList<>(List.of(ResultsLayout.RUNS, settings.runName(), "targets", settings.target(),
                "reproducibility", settings.view().name()));
        String universe = Signatures.universe(symbols);
        List<String> importancesParent = new ArrayList<>(base);
        if (settings.view() == View.SYMBOL_SPECIFIC) {
            base.add("symbol=" + settings.symbol());
            importancesParent = new ArrayList<>(base);
        } else {
            importancesParent.add("universe=" + universe);
        }
        importancesParent.add("feature_importances");
        List<String> cohortParts = new ArrayList<>(base);
        cohortParts.add("cohort=" + (settings.view() == View.SYMBOL_SPECIFIC ? "sy_" : "cs_") + cohortId);
        Path root = settings.resultsRoot();
        Path cohortDir = SafeNames.resolveUnder(root, cohortParts.toArray(String[]::new));
        Path importancesDir = SafeNames.resolveUnder(root, importancesParent.toArray(String[]::new));

        Json.write(cohortDir.resolve("metrics.json"), metrics);
        Path predictionsFile = null;
        if (predictions != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("row_ids", rowIds);
            if (predictionShape != null) {
                p.put("shape", List.of(predictionShape[0], predictionShape[1])); // values are row-major
            }
            p.put("values", predictions);
            predictionsFile = cohortDir.resolve("predictions.json");
            Json.write(predictionsFile, p);
        }
        List<String> importanceFiles = writeImportances(importancesDir, ledger);

        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("results_root", root.toAbsolutePath().normalize().toString());
        paths.put("run_dir", ResultsLayout.of(root).run(settings.runName()).toString());
        paths.put("cohort_dir", cohortDir.toString());
        paths.put("snapshot", cohortDir.resolve(Snapshot.FILE_NAME).toString());
        paths.put("metrics", cohortDir.resolve("metrics.json").toString());
        paths.put("predictions", predictionsFile == null ? null : predictionsFile.toString());
        paths.put("feature_importances", importanceFiles);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("cohort_id", (settings.view() == View.SYMBOL_SPECIFIC ? "sy_" : "cs_") + cohortId);
        metadata.put("created_at", timestamp);
        metadata.put("run_name", settings.runName());
        metadata.put("run_id", runId);
        metadata.put("stage", settings.stage());
        metadata.put("target", settings.target());
        metadata.put("view", settings.view().name());
        metadata.put("symbol", settings.symbol());
        metadata.put("experiment_id", settings.experimentId());
        metadata.put("universe_sig", universe);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("data_dir", dataDir);
        dataset.put("symbols", symbols);
        dataset.put("max_rows_per_symbol", maxRowsPerSymbol);
        dataset.put("feature_names", featureNames);
        metadata.put("dataset", dataset);
        metadata.put("paths", paths);
        metadata.put("run_context", new LinkedHashMap<>(context));
        Json.write(cohortDir.resolve("metadata.json"), metadata);
        // snapshot.json last: its presence means the cohort directory is complete
        Json.write(cohortDir.resolve(Snapshot.FILE_NAME), snapshot);
        if (previousRunDiff) {
            DiffPrev.write(root, cohortDir);
        }
        return cohortDir;
    }

    /**
     * {@code now} in UTC as {@link #TIMESTAMP_PATTERN} ({@code separated}) or {@link #RUN_ID_TIME_PATTERN} formats it,
     * microseconds truncated. Spelled out: a {@code DateTimeFormatter}'s first use cost a child JVM milliseconds.
     */
    static String utc(Instant now, boolean separated) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(now.getEpochSecond(), now.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return DateTimeFormatter.ofPattern(separated ? TIMESTAMP_PATTERN : RUN_ID_TIME_PATTERN)
                    .withZone(ZoneOffset.UTC).format(now);
        }
        StringBuilder sb = new StringBuilder(27).append(t.getYear());
        if (separated) {
            sb.append('-');
        }
        twoDigits(sb, t.getMonthValue());
        if (separated) {
            sb.append('-');
        }
        twoDigits(sb, t.getDayOfMonth());
        sb.append('T');
        twoDigits(sb, t.getHour());
        if (separated) {
            sb.append(':');
        }
        twoDigits(sb, t.getMinute());
        if (separated) {
            sb.append(':');
        }
        twoDigits(sb, t.getSecond());
        String micros = Integer.toString(1_000_000 + t.getNano() / 1000);
        return sb.append('.').append(micros, 1, 7).append('Z').toString();
    }

    private static void twoDigits(StringBuilder sb, int value) {
        sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static List<String> writeImportances(Path dir, List<LedgerEntry> ledger) {
        List<String> written = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (LedgerEntry entry : ledger) {
            Map<String, Double> importances = entry.model().featureImportances();
            if (importances == null) {
                continue;
            }
            String family = entry.library().modelFamily();
            int n = seen.merge(family, 1, Integer::sum);
            String name = n == 1 ? family + "_importances.csv" : family + "_" + entry.index() + "_importances.csv";
            StringBuilder csv = new StringBuilder("feature,importance\n");
            for (Map.Entry<String, Double> e : importances.entrySet()) {
                csv.append(csvField(e.getKey())).append(',')
                        .append(e.getValue() == null ? "" : PyFloat.repr(e.getValue())).append('\n');
            }
            Path file = dir.resolve(name);
            AtomicFiles.writeString(file, csv.toString());
            written.add(file.toString());
        }
        return written;
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static List<Map<String, Object>> ledgerJson(List<LedgerEntry> ledger) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LedgerEntry e : ledger) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", e.index());
            m.put("entry_point", e.entryPoint().call());
            m.put("library", e.library().modelFamily());
            m.put("kind", e.kind() == null ? null : e.kind().name());
            m.put("mode", e.mode() == null ? null : e.mode().configName());
            m.put("seed", e.seed());
            m.put("requested_params", e.requestedParams());
            m.put("effective_params", e.effectiveParams());
            List<Map<String, Object>> rewrites = new ArrayList<>();
            for (Rewrite r : e.rewrites() == null ? List.<Rewrite>of() : e.rewrites()) {
                Map<String, Object> rw = new LinkedHashMap<>();
                rw.put("key", r.key());
                rw.put("requested", r.requested());
                rw.put("effective", r.effective());
                rw.put("reason", r.reason());
                rw.put("warning", r.warning());
                rewrites.add(rw);
            }
            m.put("rewrites", rewrites);
            m.put("call_site", e.callSite());
            out.add(m);
        }
        return out;
    }
}
