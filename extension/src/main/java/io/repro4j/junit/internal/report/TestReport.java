package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.Json;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.results.AtomicFiles;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.VerdictFiles;
import io.repro4j.harness.snapshot.Snapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.junit.internal.baseline.OrphanBaseline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Regenerates {@code <results root>/report/report.json} and {@code index.html} from the verdict files
 * ({@code verdicts/*.json}) and baseline records ({@code baselines/*.json}) under the root: the last build's verdicts
 * make the report and its totals, older ones are listed apart as stale ({@link VerdictFiles}).
 *
 * <p>Several test JVMs may finish into one root at once: each regenerates from all files under {@code report/.lock}
 * and writes atomically, so the last report to be written contains every verdict written before it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TestReport {

    /** Report format version. */
    public static final int SCHEMA = 1;

    /** The most prediction rows a plot shows. */
    static final int PLOT_POINTS = 400;

    private TestReport() {
    }

    /** Whether {@code root} holds at least one verdict file. */
    public static boolean hasVerdicts(ResultsLayout root) {
        return !VerdictFiles.read(root).isEmpty();
    }

    /**
     * Writes the report under the lock.
     *
     * @param orphans baselines whose test no longer exists, listed in the report
     * @return the {@code index.html} written
     */
    public static Path generate(ResultsLayout root, List<OrphanBaseline> orphans) throws IOException {
        ReportLock lock = ReportLock.acquire(root.reportLock());
        try {
            ObjectNode report = build(root, orphans);
            Json.write(root.reportJson(), report);
            AtomicFiles.writeString(root.reportPage(), HtmlReport.render(report));
            return root.reportPage();
        } finally {
            lock.close();
        }
    }

    /**
     * The {@code report.json} content: the last build's verdicts (counted in the summary) and, apart, the stale ones
     * earlier builds left under the same root.
     */
    static ObjectNode build(ResultsLayout root, List<OrphanBaseline> orphans) {
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("schema", SCHEMA);
        report.put("generated_at", Instant.now().toString());
        report.put("results_root", root.root().toString());
        VerdictFiles.Selection verdicts = VerdictFiles.read(root);
        report.put("build_id", verdicts.buildId());
        ArrayNode unreadable = Json.MAPPER.createArrayNode();
        verdicts.unreadable().forEach(u -> unreadable.addObject().put("file", u.file().toString())
                .put("problem", u.problem()));
        List<ObjectNode> tests = new ArrayList<>();
        for (VerdictFiles.Entry entry : verdicts.current()) {
            ObjectNode test = ((ObjectNode) entry.json()).deepCopy();
            String key = test.path("test_key").asText(stripJson(entry.file()));
            test.put("test_key", key);
            Path record = root.baselineRecord(key);
            JsonNode baseline = Files.isRegularFile(record) ? readObject(record, unreadable) : null;
            if (baseline != null && !baseline.path("verdict_finished_at").asText()
                    .equals(test.path("finished_at").asText())) {
                baseline = null; // from an earlier run of the test, whose verdict has since been replaced
            }
            test.set("baseline", baseline == null ? Json.MAPPER.nullNode() : baseline);
            predictionPlot(test).ifPresent(plot -> test.set("prediction_plot", plot));
            tests.add(test);
        }
        ArrayNode stale = Json.MAPPER.createArrayNode();
        for (VerdictFiles.Entry entry : verdicts.stale()) {
            JsonNode v = entry.json();
            stale.addObject().put("test_key", v.path("test_key").asText(stripJson(entry.file())))
                    .put("display_name", v.path("display_name").asText(""))
                    .put("test_class", v.path("test_class").asText(""))
                    .put("test_method", v.path("test_method").asText(""))
                    .put("verdict", v.path("verdict").asText(""))
                    .put("finished_at", v.path("finished_at").asText(""))
                    .put("build_id", entry.buildId());
        }
        tests.sort(Comparator.comparing((ObjectNode t) -> t.path("test_class").asText(""))
                .thenComparing(t -> t.path("test_method").asText(""))
                .thenComparing(t -> t.path("display_name").asText(""))
                .thenComparing(t -> t.path("test_key").asText("")));
        ObjectNode summary = report.putObject("summary");
        summary.put("tests", tests.size());
        for (String verdict : List.of("REPRODUCIBLE", "DIFFERS", "ERROR")) {
            summary.put(verdict.toLowerCase(Locale.ROOT),
                    tests.stream().filter(t -> verdict.equals(t.path("verdict").asText())).count());
        }
        summary.put("baseline_failures", tests.stream().filter(t -> t.path("baseline").path("failed").asBoolean())
                .count());
        summary.put("orphan_baselines", orphans.size());
        summary.put("stale", stale.size());
        report.putArray("tests").addAll(tests);
        report.set("stale_verdicts", stale);
        ArrayNode orphanNodes = report.putArray("orphan_baselines");
        for (OrphanBaseline orphan : orphans) {
            orphanNodes.addObject().put("file", orphan.file().toString()).put("test_id", orphan.testId())
                    .put("reason", orphan.reason());
        }
        report.set("unreadable_files", unreadable);
        return report;
    }

    /**
     * For a test whose predictions differ: run 1's predictions and the first differing run's, sampled to at most
     * {@value #PLOT_POINTS} rows spread over the whole set, for the page's plot.
     */
    static Optional<ObjectNode> predictionPlot(JsonNode test) {
        int run = Integer.MAX_VALUE;
        for (JsonNode d : test.path("differences")) {
            if (d.path("field").asText().startsWith("predictions_")) {
                run = Math.min(run, d.path("run").asInt());
            }
        }
        JsonNode runs = test.path("runs");
        if (run == Integer.MAX_VALUE || runs.size() < run) {
            return Optional.empty();
        }
        try {
            Optional<double[]> a = Snapshot.read(Path.of(runs.get(0).path("snapshot_dir").asText())).predictions();
            Optional<double[]> b = Snapshot.read(Path.of(runs.get(run - 1).path("snapshot_dir").asText())).predictions();
            if (a.isEmpty() || b.isEmpty() || a.get().length != b.get().length || a.get().length == 0) {
                return Optional.empty();
            }
            ObjectNode plot = Json.MAPPER.createObjectNode().put("run", run);
            ArrayNode reference = plot.putArray("reference");
            ArrayNode other = plot.putArray("other");
            int n = a.get().length;
            int step = Math.max(1, (n + PLOT_POINTS - 1) / PLOT_POINTS);
            for (int i = 0; i < n; i += step) {
                reference.add(a.get()[i]);
                other.add(b.get()[i]);
            }
            return Optional.of(plot);
        } catch (Repro4jException | java.nio.file.InvalidPathException e) {
            return Optional.empty(); // the snapshots are gone or unreadable: the page simply has no plot
        }
    }

    private static JsonNode readObject(Path file, ArrayNode unreadable) {
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node != null && node.isObject()) {
                return node;
            }
            unreadable.addObject().put("file", file.toString()).put("problem", "not a JSON object");
        } catch (JsonProcessingException e) {
            unreadable.addObject().put("file", file.toString()).put("problem", e.getOriginalMessage());
        } catch (IOException e) {
            unreadable.addObject().put("file", file.toString()).put("problem", e.toString());
        }
        return null;
    }

    private static String stripJson(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
