package io.repro4j.junit.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.results.Json;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Renders {@code report.json} as one static HTML page: opens from disk, no scripts, no external resources, inline CSS
 * and SVG; every string from a test (names, messages, values) is escaped. It shows at a glance what moved: a
 * runs × fingerprints matrix per test coloured same / different, and for a test whose predictions differ, run 1's
 * predictions plotted against the differing run's. Paths to snapshots and logs are links. Long messages wrap; the page
 * fits a 1280 px window. Stable hooks for tools: {@code table#verdicts}, rows {@code tr[data-verdict][data-test-key]},
 * {@code #details-<test-key>}, {@code table.matrix td.same|td.differs}, {@code svg.prediction-plot},
 * {@code #stale-verdicts}, {@code #orphan-baselines}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class HtmlReport {

    /** Side of the prediction plot, in SVG user units (pixels). */
    static final int PLOT = 320;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:1.5rem;color:#1d1d1f;background:#fff;
              max-width:100%;box-sizing:border-box}
            h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem;margin-bottom:.3rem}
            table{border-collapse:collapse;margin:.5rem 0 1rem;max-width:100%}
            th,td{border:1px solid #d0d0d7;padding:.3rem .6rem;text-align:left;vertical-align:top;
              overflow-wrap:anywhere;word-break:break-word}
            th{background:#f3f3f6}
            table#verdicts{table-layout:fixed;width:100%}
            #verdicts col.test{width:22%}#verdicts col.verdict{width:12%}#verdicts col.runs{width:5%}
            #verdicts col.baseline{width:9%}#verdicts col.finished{width:12%}
            td.message,pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace;
              font-size:.85rem;max-width:100%}
            code,.value{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}
            td.verdict-cell,td.runs,td.baseline{overflow-wrap:normal;word-break:normal}
            tr.verdict-reproducible td.verdict-cell{background:#e3f6e5}
            tr.verdict-differs td.verdict-cell{background:#fde2e1}
            tr.verdict-error td.verdict-cell{background:#fff1cc}
            td.baseline-failed{background:#fde2e1}
            table.matrix td{text-align:center;min-width:3rem}
            table.matrix td.same{background:#e3f6e5;color:#1f6b2a}
            table.matrix td.differs{background:#fde2e1;color:#a4161a;font-weight:bold}
            table.matrix td.missing{background:#f3f3f6;color:#6b6b76}
            svg.prediction-plot{border:1px solid #d0d0d7;background:#fcfcfd}
            .test-id{color:#6b6b76;font-size:.8rem;overflow-wrap:anywhere}
            """;

    private HtmlReport() {
    }

    /** The page for a {@code report.json} tree. */
    public static String render(JsonNode report) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width\">\n")
                .append("<title>repro4j reproducibility report</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>repro4j reproducibility report</h1>\n");
        JsonNode summary = report.path("summary");
        html.append("<p id=\"summary\" data-tests=\"").append(summary.path("tests").asLong()).append("\">")
                .append(summary.path("tests").asLong()).append(" tests: ")
                .append(summary.path("reproducible").asLong()).append(" reproducible, ")
                .append(summary.path("differs").asLong()).append(" differ, ")
                .append(summary.path("error").asLong()).append(" errors; ")
                .append(summary.path("baseline_failures").asLong()).append(" baseline failures; ")
                .append(summary.path("orphan_baselines").asLong()).append(" orphan baselines. Build ")
                .append(escape(report.path("build_id").asText())).append(", generated ")
                .append(escape(report.path("generated_at").asText())).append(" from ")
                .append(link(report.path("results_root").asText()));
        long stale = summary.path("stale").asLong();
        if (stale > 0) {
            html.append("; <a href=\"#stale-verdicts\">").append(stale)
                    .append(" stale verdicts</a> of earlier builds are not counted");
        }
        html.append(".</p>\n");

        html.append("<table id=\"verdicts\">\n<colgroup><col class=\"test\"><col class=\"verdict\"><col class=\"runs\">")
                .append("<col class=\"baseline\"><col class=\"message\"><col class=\"finished\"></colgroup>\n")
                .append("<thead><tr><th>Test</th><th>Verdict</th><th>Runs</th>")
                .append("<th>Baseline</th><th>Message</th><th>Finished</th></tr></thead>\n<tbody>\n");
        for (JsonNode test : report.path("tests")) {
            String key = test.path("test_key").asText();
            String verdict = test.path("verdict").asText("UNKNOWN");
            JsonNode baseline = test.path("baseline");
            String baselineStatus = baseline.isObject() ? baseline.path("status").asText() : "NONE";
            html.append("<tr id=\"test-").append(escape(key)).append("\" class=\"verdict verdict-")
                    .append(escape(verdict.toLowerCase(Locale.ROOT))).append("\" data-verdict=\"")
                    .append(escape(verdict)).append("\" data-test-key=\"").append(escape(key))
                    .append("\" data-baseline=\"").append(escape(baselineStatus)).append("\">")
                    .append("<td class=\"test\"><a href=\"#details-").append(escape(key)).append("\">")
                    .append(escape(test.path("display_name").asText(key))).append("</a><div class=\"test-id\">")
                    .append(escape(test.path("test_class").asText())).append('#')
                    .append(escape(test.path("test_method").asText())).append("</div></td>")
                    .append("<td class=\"verdict-cell\">").append(escape(verdict)).append("</td>")
                    .append("<td class=\"runs\">").append(test.path("runs").size()).append("</td>")
                    .append("<td class=\"baseline").append(baseline.path("failed").asBoolean() ? " baseline-failed" : "")
                    .append("\">").append(escape(baselineStatus)).append("</td>")
                    .append("<td class=\"message\">").append(escape(message(test))).append("</td>")
                    .append("<td class=\"finished\">").append(escape(text(test.get("finished_at"))))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        for (JsonNode test : report.path("tests")) {
            details(html, test);
        }
        staleVerdicts(html, report.path("stale_verdicts"));
        orphans(html, report.path("orphan_baselines"));
        if (report.path("unreadable_files").size() > 0) {
            html.append("<section id=\"unreadable-files\">\n<h2>Unreadable files</h2>\n<ul>\n");
            for (JsonNode file : report.path("unreadable_files")) {
                html.append("<li>").append(link(file.path("file").asText())).append(": ")
                        .append(escape(file.path("problem").asText())).append("</li>\n");
            }
            html.append("</ul>\n</section>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void details(StringBuilder html, JsonNode test) {
        String key = test.path("test_key").asText();
        html.append("<section class=\"test-details\" id=\"details-").append(escape(key)).append("\">\n<h2>")
                .append(escape(test.path("display_name").asText(key))).append(" — ")
                .append(escape(test.path("verdict").asText())).append("</h2>\n<p class=\"test-id\">")
                .append(escape(test.path("test_id").asText())).append("</p>\n");

        html.append("<h3>Runs</h3>\n<table class=\"runs\"><thead><tr><th>#</th><th>Status</th><th>Exit</th>")
                .append("<th>Seed</th><th>Elapsed ms</th><th>Fork overhead ms</th><th>Perturbations</th>")
                .append("<th>Snapshot</th><th>Log</th></tr></thead><tbody>\n");
        for (JsonNode run : test.path("runs")) {
            html.append("<tr>");
            for (String field : new String[] {"index", "status", "exit_code", "seed", "elapsed_ms", "fork_overhead_ms",
                    "perturbations"}) {
                html.append("<td class=\"value\">").append(escape(text(run.get(field)))).append("</td>");
            }
            html.append("<td class=\"value\">").append(link(text(run.get("snapshot_dir")))).append("</td>")
                    .append("<td class=\"value\">").append(link(text(run.get("log")))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        matrix(html, test);
        plot(html, test.path("prediction_plot"));

        if (test.path("differences").size() > 0) {
            html.append("<h3>Differences between runs</h3>\n<table class=\"differences\"><thead><tr><th>Run</th>")
                    .append("<th>Field</th><th>Reference</th><th>Actual</th><th>Detail</th></tr></thead><tbody>\n");
            for (JsonNode difference : test.path("differences")) {
                html.append("<tr>");
                for (String field : new String[] {"run", "field", "reference", "actual", "detail"}) {
                    html.append("<td class=\"value\">").append(escape(text(difference.get(field)))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody></table>\n");
        }

        JsonNode baseline = test.path("baseline");
        if (baseline.isObject()) {
            html.append("<h3>Baseline: ").append(escape(baseline.path("status").asText())).append("</h3>\n<pre>")
                    .append(escape(baseline.path("message").asText())).append("</pre>\n");
        }

        html.append("<h3>Fingerprints (run 1)</h3>\n<table class=\"fingerprints\"><tbody>\n");
        for (Map.Entry<String, JsonNode> field : test.path("fingerprints").properties()) {
            html.append("<tr><th>").append(escape(field.getKey())).append("</th><td class=\"value\">")
                    .append(escape(text(field.getValue()))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        html.append("<h3>Environment (run 1)</h3>\n<pre class=\"environment\">")
                .append(escape(Json.render(test.path("environment")).strip())).append("</pre>\n</section>\n");
    }

    /**
     * One row per fingerprint field, one column per run: {@code =} (same as run 1) or {@code ≠}; fields that only
     * differences name (run 1 lacked them) are listed too.
     */
    private static void matrix(StringBuilder html, JsonNode test) {
        int runs = test.path("runs").size();
        Set<String> fields = new LinkedHashSet<>();
        test.path("fingerprints").fieldNames().forEachRemaining(fields::add);
        test.path("differences").forEach(d -> fields.add(d.path("field").asText()));
        if (runs == 0 || fields.isEmpty()) {
            return;
        }
        html.append("<h3>What moved</h3>\n<table class=\"matrix\" data-runs=\"").append(runs)
                .append("\"><thead><tr><th>Fingerprint</th>");
        for (int k = 1; k <= runs; k++) {
            html.append("<th>run ").append(k).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (String field : fields) {
            html.append("<tr data-field=\"").append(escape(field)).append("\"><th>").append(escape(field))
                    .append("</th>");
            for (int k = 1; k <= runs; k++) {
                boolean differs = false;
                for (JsonNode d : test.path("differences")) {
                    if (d.path("run").asInt() == k && d.path("field").asText().equals(field)) {
                        differs = true;
                        break;
                    }
                }
                boolean completed = k == 1 || !test.path("verdict").asText().equals("ERROR");
                String cls = !completed ? "missing" : differs ? "differs" : "same";
                html.append("<td class=\"").append(cls).append("\" data-run=\"").append(k).append("\">")
                        .append(!completed ? "?" : differs ? "≠" : "=").append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** Run 1's predictions (x) against the differing run's (y); points off the diagonal are the differences. */
    private static void plot(StringBuilder html, JsonNode plot) {
        JsonNode xs = plot.path("reference");
        JsonNode ys = plot.path("other");
        if (!xs.isArray() || xs.isEmpty() || xs.size() != ys.size()) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode series : List.of(xs, ys)) {
            for (JsonNode v : series) {
                if (v.isNumber()) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        if (!(max > min)) {
            max = min + 1;
        }
        int pad = 24;
        double scale = (PLOT - 2.0 * pad) / (max - min);
        int run = plot.path("run").asInt();
        html.append("<h3>Predictions: run 1 against run ").append(run).append("</h3>\n")
                .append("<svg class=\"prediction-plot\" width=\"").append(PLOT)
                .append("\" height=\"").append(PLOT).append("\" viewBox=\"0 0 ").append(PLOT).append(' ').append(PLOT)
                .append("\" role=\"img\" aria-label=\"predictions of run 1 against run ").append(run).append("\">\n")
                .append("<line x1=\"").append(pad).append("\" y1=\"").append(PLOT - pad).append("\" x2=\"")
                .append(PLOT - pad).append("\" y2=\"").append(pad).append("\" stroke=\"#9a9aa3\" stroke-dasharray=\"4 3\"/>\n");
        List<String> points = new ArrayList<>();
        int differing = 0;
        for (int i = 0; i < xs.size(); i++) {
            if (!xs.get(i).isNumber() || !ys.get(i).isNumber()) {
                continue;
            }
            double x = xs.get(i).doubleValue();
            double y = ys.get(i).doubleValue();
            boolean same = Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
            differing += same ? 0 : 1;
            points.add(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                    same ? "same" : "differs", pad + (x - min) * scale, PLOT - pad - (y - min) * scale,
                    same ? "#6b6b76" : "#d62828"));
        }
        points.forEach(p -> html.append(p).append('\n'));
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#1d1d1f\">run 1 →"
                + "</text>\n<text x=\"4\" y=\"14\" font-size=\"11\" fill=\"#1d1d1f\">run %d ↑ (%d of %d differ)</text>\n",
                PLOT - 60, PLOT - 6, run, differing, points.size()));
        html.append("</svg>\n");
    }

    private static void staleVerdicts(StringBuilder html, JsonNode stale) {
        if (stale.isEmpty()) {
            return;
        }
        html.append("<section id=\"stale-verdicts\">\n<h2>Stale verdicts (earlier builds, not counted)</h2>\n<ul>\n");
        for (JsonNode v : stale) {
            html.append("<li class=\"stale\" data-test-key-stale=\"").append(escape(v.path("test_key").asText()))
                    .append("\">").append(escape(v.path("test_class").asText())).append('#')
                    .append(escape(v.path("test_method").asText())).append(": ")
                    .append(escape(v.path("verdict").asText())).append(" (build ")
                    .append(escape(v.path("build_id").asText())).append(", finished ")
                    .append(escape(v.path("finished_at").asText())).append(")</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static void orphans(StringBuilder html, JsonNode orphans) {
        html.append("<section id=\"orphan-baselines\">\n<h2>Orphan baselines</h2>\n");
        if (orphans.isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<ul>\n");
            for (JsonNode orphan : orphans) {
                html.append("<li class=\"orphan\"><code>").append(escape(orphan.path("file").asText()))
                        .append("</code>: ").append(escape(orphan.path("reason").asText())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    /** An absolute path as a {@code file:} link to it, any other text as it is; both escaped. */
    static String link(String path) {
        if (path == null || path.isEmpty() || !path.startsWith("/")) {
            return escape(path == null ? "" : path);
        }
        try {
            return "<a href=\"" + escape(Path.of(path).toUri().toString()) + "\">" + escape(path) + "</a>";
        } catch (InvalidPathException e) {
            return escape(path);
        }
    }

    // The verdict's message; for a reproducible test whose baseline check said something, that message.
    private static String message(JsonNode test) {
        String verdictMessage = text(test.get("message"));
        JsonNode baseline = test.path("baseline");
        if (verdictMessage.isEmpty() && baseline.isObject()) {
            return text(baseline.get("message"));
        }
        return verdictMessage;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** Escapes text for an HTML element body or a double- or single-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
