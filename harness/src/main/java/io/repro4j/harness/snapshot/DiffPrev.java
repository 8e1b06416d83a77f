package io.repro4j.harness.snapshot;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.compare.FieldDifference;
import io.repro4j.harness.compare.FingerprintComparison;
import io.repro4j.harness.compare.SnapshotTreeDiff;
import io.repro4j.harness.compare.Ulps;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Builds {@code diff_prev.json}: the comparison of a run's snapshot with the previous comparable run under the
 * same results root (same target, view, symbol and cohort id, in another run directory), never crashing on a
 * corrupted previous snapshot — those are skipped and listed with their problem.
 *
 * <p>The previous run is the newest other snapshot that sorts before the current one by {@code timestamp}, then
 * {@code run_id}. Severity: {@code none} (nothing changed), {@code minor} (only context such as the estimator
 * ledger changed), {@code major} (an input fingerprint in {@code comparison_group} changed, so outputs may
 * legitimately change), {@code critical} (an output digest changed while every input stayed the same: the
 * training is not reproducible).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class DiffPrev {

    /** The file name inside a cohort directory. */
    public static final String FILE_NAME = "diff_prev.json";

    static final String NO_PREVIOUS = "no previous comparable run";

    private DiffPrev() {
    }

    /** Computes the diff for the snapshot in {@code cohortDir} and writes it atomically next to it. */
    public static Map<String, Object> write(Path resultsRoot, Path cohortDir) {
        Map<String, Object> diff = compute(resultsRoot, Snapshot.read(cohortDir));
        Json.write(cohortDir.resolve(FILE_NAME), diff);
        return diff;
    }

    /** Computes the diff of {@code current} against the previous comparable run under {@code resultsRoot}. */
    public static Map<String, Object> compute(Path resultsRoot, Snapshot current) {
        List<Map<String, Object>> skipped = new ArrayList<>();
        Snapshot previous = findPrevious(resultsRoot, current, skipped);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("current_run_id", current.get("run_id"));
        out.put("skipped_snapshots", skipped);
        if (previous == null) {
            out.put("comparable", false);
            out.put("comparability_reason", NO_PREVIOUS);
            out.put("prev_run_id", null);
            out.put("prev_timestamp", null);
            out.put("prev_stage", null);
            out.put("prev_view", null);
            out.put("changed_keys", List.of());
            out.put("severity", "none");
            out.put("severity_reason", NO_PREVIOUS + "; nothing to compare with");
            out.put("metric_deltas", Map.of());
            out.put("environment_changes", List.of());
            out.put("summary", summary(0, 0, 0, 0, 0));
            return out;
        }
        List<FieldDifference> differences = compareAll(previous, current);
        List<String> changed = new ArrayList<>();
        int inputs = 0;
        int outputs = 0;
        int process = 0;
        for (FieldDifference d : differences) {
            changed.add(d.field());
            if (d.field().startsWith("comparison_group.")) {
                inputs++;
            } else if (Snapshot.DIGEST_KEYS.contains(d.field())) {
                outputs++;
            } else {
                process++;
            }
        }
        Map<String, Object> deltas = metricDeltas(safeMetrics(previous, skipped), safeMetrics(current, skipped));
        out.put("comparable", true);
        out.put("comparability_reason", "same target, view, symbol and cohort id");
        out.put("prev_run_id", previous.get("run_id"));
        out.put("prev_timestamp", previous.get("timestamp"));
        out.put("prev_stage", previous.get("stage"));
        out.put("prev_view", previous.get("view"));
        out.put("prev_snapshot", previous.path().toString());
        out.put("changed_keys", changed);
        String severity;
        String reason;
        if (changed.isEmpty()) {
            severity = "none";
            reason = "every compared field is identical";
        } else if (inputs > 0) {
            severity = "major";
            reason = "input fingerprints changed: " + String.join(", ", changed.subList(0, 0 + inputs));
        } else if (outputs > 0) {
            severity = "critical";
            reason = "outputs changed with identical inputs (training is not reproducible): "
                    + String.join(", ", changed.stream().filter(Snapshot.DIGEST_KEYS::contains).toList());
        } else {
            severity = "minor";
            reason = "only context fields changed: " + String.join(", ", changed);
        }
        out.put("severity", severity);
        out.put("severity_reason", reason);
        out.put("metric_deltas", deltas.get("deltas"));
        out.put("environment_changes",
                FingerprintComparison.environmentChanges(previous.environment(), current.environment()));
        out.put("summary", summary(inputs, process, outputs, (Integer) deltas.get("total"),
                ((Map<?, ?>) deltas.get("deltas")).size()));
        return out;
    }

    /** Input (comparison_group) differences first, so the severity reason can list them. */
    private static List<FieldDifference> compareAll(Snapshot previous, Snapshot current) {
        List<FieldDifference> all = SnapshotTreeDiff.compareFields(previous, current);
        List<FieldDifference> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(d -> d.field().startsWith("comparison_group.") ? 0 : 1));
        return sorted;
    }

    private static Map<String, Object> summary(int inputs, int process, int outputs, int metricsTotal,
            int metricsChanged) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("input_changes", inputs);
        s.put("process_changes", process);
        s.put("output_changes", outputs);
        s.put("total_changes", inputs + process + outputs);
        s.put("metric_deltas_total", metricsTotal);
        s.put("metric_deltas_count", metricsChanged);
        return s;
    }

    private static Map<String, Object> safeMetrics(Snapshot s, List<Map<String, Object>> skipped) {
        try {
            return s.metrics();
        } catch (Repro4jException e) {
            skipped.add(problem(s.directory().resolve("metrics.json"), e.getMessage()));
            return Map.of();
        }
    }

    /** Numeric metrics present in both runs: how many were compared and those that moved. */
    static Map<String, Object> metricDeltas(Map<String, Object> prev, Map<String, Object> curr) {
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> b = new LinkedHashMap<>();
        flatten("", prev, a);
        flatten("", curr, b);
        Map<String, Object> deltas = new java.util.TreeMap<>();
        int total = 0;
        for (Map.Entry<String, Object> e : a.entrySet()) {
            Object vb = b.get(e.getKey());
            if (!(e.getValue() instanceof Number na) || !(vb instanceof Number nb)) {
                continue;
            }
            total++;
            if (Objects.equals(na, nb) && Double.doubleToLongBits(na.doubleValue())
                    == Double.doubleToLongBits(nb.doubleValue())) {
                continue;
            }
            double pa = na.doubleValue();
            double pb = nb.doubleValue();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("prev", na);
            d.put("curr", nb);
            d.put("delta", Double.isFinite(pa) && Double.isFinite(pb)
                    ? new BigDecimal(pb).subtract(new BigDecimal(pa)).doubleValue() : pb - pa);
            d.put("ulps", Ulps.between(pa, pb));
            deltas.put(e.getKey(), d);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("deltas", deltas);
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, value);
        }
    }

    /**
     * The newest readable snapshot of the same cohort in another run directory that sorts before
     * {@code current}; unreadable candidates are added to {@code skipped}.
     */
    static Snapshot findPrevious(Path resultsRoot, Snapshot current, List<Map<String, Object>> skipped) {
        Path runs = ResultsLayout.of(resultsRoot).runs();
        Path cohortDir = current.directory().normalize();
        if (!cohortDir.startsWith(runs) || runs.relativize(cohortDir).getNameCount() < 2) {
            return null; // not inside this results root's run layout: nothing to compare with
        }
        Path relative = runs.relativize(cohortDir);
        String ownRun = relative.getName(0).toString();
        Path inRun = relative.subpath(1, relative.getNameCount());
        Comparator<Snapshot> order = Comparator.comparing((Snapshot s) -> String.valueOf(s.get("timestamp")))
                .thenComparing(s -> String.valueOf(s.get("run_id")));
        Snapshot best = null;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs)) {
            for (Path runDir : dirs) {
                if (runDir.getFileName().toString().equals(ownRun)) {
                    continue;
                }
                Path candidate = runDir.resolve(inRun).resolve(Snapshot.FILE_NAME);
                if (!Files.exists(candidate)) {
                    continue;
                }
                Snapshot s;
                try {
                    s = Snapshot.read(candidate);
                } catch (Repro4jException e) {
                    skipped.add(problem(candidate, e.getMessage()));
                    continue;
                }
                if (!Objects.equals(s.get("target"), current.get("target"))
                        || !Objects.equals(s.get("view"), current.get("view"))
                        || !Objects.equals(s.get("symbol"), current.get("symbol"))) {
                    skipped.add(problem(candidate, "target/view/symbol inside the file do not match its path"));
                    continue;
                }
                if (order.compare(s, current) >= 0) {
                    continue; // written after the current run (concurrent writers): not a previous run
                }
                if (best == null || order.compare(s, best) > 0) {
                    best = s;
                }
            }
        } catch (IOException e) {
            skipped.add(problem(runs, "cannot list run directories: " + e));
        }
        return best;
    }

    private static Map<String, Object> problem(Path path, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path.toString());
        m.put("problem", message);
        return m;
    }
}
