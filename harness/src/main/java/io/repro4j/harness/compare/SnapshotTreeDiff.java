package io.repro4j.harness.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.snapshot.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Compares two snapshot trees (results roots, run directories, or single cohort directories, from repro4j or the
 * reference pipeline): snapshots are paired by target, view, symbol and cohort; every fingerprint field and every
 * other key is compared except volatile ones; environment differences are reported as drift.
 *
 * <p>Volatile, never compared: {@code run_id}, {@code timestamp}, {@code created_at}, keys naming paths
 * ({@code *path}, {@code *paths}, {@code *_dir}), {@code estimator_ledger[*].call_site}, {@code run_context} (it
 * records perturbations and the run index, which differ by design), and the environment
 * ({@code environment}, the reference's {@code process.environment}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SnapshotTreeDiff {

    private static final Set<String> VOLATILE_TOP_LEVEL = Set.of("run_id", "timestamp", "created_at", "environment",
            "run_context");

    private SnapshotTreeDiff() {
    }

    /** One differing field of one pair of snapshots. */
    public record Line(String key, FieldDifference difference) {
        @Override
        public String toString() {
            return key + ": " + difference;
        }
    }

    /** An environment difference of one pair (drift, not a difference). */
    public record Drift(String key, String change) {
        @Override
        public String toString() {
            return key + ": environment: " + change;
        }
    }

    /** A snapshot found in only one tree. */
    public record Unpaired(String key, String tree, Path snapshot) {
        @Override
        public String toString() {
            return key + ": only in " + tree + " (" + snapshot + ")";
        }
    }

    /**
     * The outcome of a tree comparison.
     *
     * @param pairs how many snapshots were paired
     * @param differences every differing field, pair by pair
     * @param unpaired snapshots present in only one tree
     * @param drift environment differences
     */
    public record Result(int pairs, List<Line> differences, List<Unpaired> unpaired, List<Drift> drift) {
        public Result {
            differences = List.copyOf(differences);
            unpaired = List.copyOf(unpaired);
            drift = List.copyOf(drift);
        }

        /** True when at least one pair was compared, nothing differs and nothing is unpaired. */
        public boolean identical() {
            return differences.isEmpty() && unpaired.isEmpty();
        }
    }

    /**
     * Compares the trees.
     *
     * @throws Repro4jException when a tree does not exist, holds no snapshot, or a snapshot is corrupted (the
     *     message names the file)
     */
    public static Result diff(Path treeA, Path treeB) {
        Map<String, Snapshot> a = index(treeA, "A");
        Map<String, Snapshot> b = index(treeB, "B");
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Line> lines = new ArrayList<>();
        List<Unpaired> unpaired = new ArrayList<>();
        List<Drift> drift = new ArrayList<>();
        int pairs = 0;
        for (String key : keys) {
            Snapshot sa = a.get(key);
            Snapshot sb = b.get(key);
            if (sa == null || sb == null) {
                unpaired.add(sa == null ? new Unpaired(key, "B", sb.path()) : new Unpaired(key, "A", sa.path()));
                continue;
            }
            pairs++;
            for (FieldDifference d : compareAll(sa, sb)) {
                lines.add(new Line(key, d));
            }
            for (String change : FingerprintComparison.environmentChanges(sa.environment(), sb.environment())) {
                drift.add(new Drift(key, change));
            }
        }
        return new Result(pairs, lines, unpaired, drift);
    }

    /**
     * Every differing field of two snapshots: fingerprint fields (with explanations) first, then every other
     * non-volatile field in sorted order.
     */
    public static List<FieldDifference> compareFields(Snapshot a, Snapshot b) {
        return compareAll(a, b);
    }

    static List<FieldDifference> compareAll(Snapshot a, Snapshot b) {
        List<FieldDifference> out = new ArrayList<>(FingerprintComparison.compare(a, b).differences());
        Set<String> covered = new LinkedHashSet<>(a.fingerprints().keySet());
        covered.addAll(b.fingerprints().keySet());
        Map<String, String> fa = comparable(a.json());
        Map<String, String> fb = comparable(b.json());
        Set<String> fields = new java.util.TreeSet<>(fa.keySet());
        fields.addAll(fb.keySet());
        for (String field : fields) {
            if (covered.contains(field)) {
                continue;
            }
            String va = fa.get(field);
            String vb = fb.get(field);
            if (!Objects.equals(va, vb)) {
                out.add(new FieldDifference(field, va, vb, ""));
            }
        }
        return out;
    }

    /** The snapshot flattened to dotted leaf fields, in sorted order, without volatile fields. */
    static Map<String, String> comparable(JsonNode json) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            String key = e.getKey();
            if (VOLATILE_TOP_LEVEL.contains(key) || isPathKey(key)) {
                continue;
            }
            JsonNode value = e.getValue();
            if (key.equals("process") && value.isObject()) {
                value = value.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) value).remove("environment");
            }
            FingerprintComparison.flattenJson(key, value, flat);
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String field = e.getKey();
            String leaf = field.substring(field.lastIndexOf('.') + 1);
            if ((field.startsWith("estimator_ledger[") && leaf.equals("call_site")) || isPathKey(leaf)
                    || leaf.equals("created_at")) {
                continue;
            }
            out.put(field, e.getValue());
        }
        return out;
    }

    private static boolean isPathKey(String key) {
        return key.endsWith("path") || key.endsWith("paths") || key.endsWith("_dir");
    }

    /** Finds every snapshot under {@code tree} and keys it by target/view[/symbol]/cohort. */
    static Map<String, Snapshot> index(Path tree, String label) {
        if (!Files.exists(tree)) {
            throw new Repro4jException("Snapshot tree " + label + " does not exist: " + tree);
        }
        List<Path> files;
        if (Files.isRegularFile(tree)) {
            files = List.of(tree);
        } else {
            try (Stream<Path> walk = Files.walk(tree)) {
                files = walk.filter(p -> p.getFileName().toString().equals(Snapshot.FILE_NAME))
                        .filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new Repro4jException("Cannot walk snapshot tree " + label + " " + tree + ": " + e, e);
            }
        }
        if (files.isEmpty()) {
            throw new Repro4jException("Snapshot tree " + label + " holds no " + Snapshot.FILE_NAME + ": " + tree);
        }
        Map<String, List<Snapshot>> byKey = new TreeMap<>();
        for (Path file : files) {
            Snapshot s = Snapshot.read(file);
            byKey.computeIfAbsent(key(tree, s), k -> new ArrayList<>()).add(s);
        }
        Map<String, Snapshot> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Snapshot>> e : byKey.entrySet()) {
            List<Snapshot> group = new ArrayList<>(e.getValue());
            // several runs of one cohort in one tree: pair them in time order
            group.sort(Comparator.comparing((Snapshot s) -> String.valueOf(s.get("timestamp")))
                    .thenComparing(s -> String.valueOf(s.get("run_id"))));
            for (int i = 0; i < group.size(); i++) {
                out.put(i == 0 ? e.getKey() : e.getKey() + "#" + (i + 1), group.get(i));
            }
        }
        return out;
    }

    /**
     * The pairing key {@code target/view[/symbol]/cohort}: from the path under {@code targets/} where there is
     * one (the {@code runs/<run_name>} prefix is ignored), else from the snapshot's own keys.
     */
    static String key(Path tree, Snapshot s) {
        Path dir = s.directory();
        List<String> segments = new ArrayList<>();
        for (Path p : tree.toAbsolutePath().normalize().relativize(dir.normalize())) {
            segments.add(p.toString());
        }
        String target = null;
        String view = null;
        String symbol = null;
        int targets = segments.lastIndexOf("targets");
        if (targets >= 0 && targets + 1 < segments.size()) {
            target = segments.get(targets + 1);
        }
        for (String seg : segments) {
            if (seg.equals("CROSS_SECTIONAL") || seg.equals("SYMBOL_SPECIFIC")) {
                view = seg;
            } else if (seg.startsWith("symbol=")) {
                symbol = seg.substring("symbol=".length());
            }
        }
        if (target == null) {
            target = orDash(s.get("target"));
        }
        if (view == null) {
            view = orDash(s.get("view"));
        }
        if (symbol == null) {
            symbol = s.get("symbol");
        }
        String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString();
        String cohort = dirName.startsWith("cohort=") ? dirName.substring("cohort=".length()) : cohortFromMetadata(s);
        return target + "/" + view + (symbol == null || symbol.isEmpty() ? "" : "/" + symbol) + "/" + cohort;
    }

    private static String cohortFromMetadata(Snapshot s) {
        Path metadata = s.directory().resolve("metadata.json");
        if (Files.isRegularFile(metadata)) {
            try {
                JsonNode id = io.repro4j.harness.results.Json.MAPPER.readTree(metadata.toFile())
                        .path("cohort_id");
                if (id.isTextual()) {
                    return id.asText();
                }
            } catch (IOException ignored) {
                // the cohort id is only a pairing hint; fall through
            }
        }
        return "-";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
