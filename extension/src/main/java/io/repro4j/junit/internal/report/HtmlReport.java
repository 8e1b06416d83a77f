package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Renders {@code report.json} as one static HTML page: opens from disk, no scripts, no external resources, inline CSS;
 * every string from a test (names, messages, values) is escaped. Stable hooks for tools: {@code table#verdicts}, rows
 * {@code tr[data-verdict][data-test-key]}, {@code #details-<test-key>}, {@code #orphan-baselines}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1d1d1f;background:#fff}
            h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem;margin-bottom:.3rem}
            table{border-collapse:collapse;margin:.5rem 0 1rem}
            th,td{border:1px solid #d0d0d7;padding:.3rem .6rem;text-align:left;vertical-align:top}
            th{background:#f3f3f6}
            td.message,pre{white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
            code,.value{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;word-break:break-all}
            tr.verdict-reproducible td.verdict-cell{background:#e3f6e5}
            tr.verdict-differs td.verdict-cell{background:#fde2e1}
            tr.verdict-error td.verdict-cell{background:#fff1cc}
            td.baseline-failed{background:#fde2e1}
            .test-id{color:#6b6b76;font-size:.8rem}
            """;

    private HtmlReport() {
    }

    /** The page for a {@code report.json} tree. */
    public static String render(JsonNode report) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>repro4j reproducibility report</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>repro4j reproducibility report</h1>\n");
        JsonNode summary = report.path("summary");
        html.append("<p id=\"summary\" data-tests=\"").append(summary.path("tests").asLong()).append("\">")
                .append(summary.path("tests").asLong()).append(" tests: ")
                .append(summary.path("reproducible").asLong()).append(" reproducible, ")
                .append(summary.path("differs").asLong()).append(" differ, ")
                .append(summary.path("error").asLong()).append(" errors; ")
                .append(summary.path("baseline_failures").asLong()).append(" baseline failures; ")
                .append(summary.path("orphan_baselines").asLong()).append(" orphan baselines. Generated ")
                .append(escape(report.path("generated_at").asText())).append(" from ")
                .append(escape(report.path("results_root").asText()))
                .append(" (every verdict file there; a clean build starts afresh).</p>\n");

        html.append("<table id=\"verdicts\">\n<thead><tr><th>Test</th><th>Verdict</th><th>Runs</th>")
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
        orphans(html, report.path("orphan_baselines"));
        if (report.path("unreadable_files").size() > 0) {
            html.append("<section id=\"unreadable-files\">\n<h2>Unreadable files</h2>\n<ul>\n");
            for (JsonNode file : report.path("unreadable_files")) {
                html.append("<li><code>").append(escape(file.path("file").asText())).append("</code>: ")
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
                    "perturbations", "snapshot_dir", "log"}) {
                html.append("<td class=\"value\">").append(escape(text(run.get(field)))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");

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
