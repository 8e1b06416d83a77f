package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.ResultsLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.RunRecorder;
import io.repro4j.harness.results.Json;
import io.repro4j.junit.internal.baseline.OrphanBaseline;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the report in headless Chromium from disk: the live DOM, its geometry at 1280 px, and a screenshot. */
class ReportRenderingIT {

    /** Overrides the browser executable. */
    private static final String CHROMIUM = "repro4j.chromium";

    @TempDir
    Path root;

    @Test
    void browserShowsOneRowPerTestWithItsVerdictAndNoInjectedMarkup() throws Exception {
        Path chromium = Path.of(System.getProperty(CHROMIUM, "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium not found at " + chromium + ". Install it: apt-get update && apt-get install -y "
                    + "--no-install-recommends chromium (or point -D" + CHROMIUM + "= at a Chromium binary).");
        }
        VerdictFixtures.write(root, "a-reproducible", "REPRODUCIBLE", "trains xgboost");
        VerdictFixtures.write(root, "b-differs", "DIFFERS", "<img src=x onerror=alert(1)> & </table>");
        VerdictFixtures.write(root, "c-error", "ERROR", "crashes");
        Path index = TestReport.generate(ResultsLayout.of(root),
                List.of(new OrphanBaseline(Path.of("old.json"), "id", "class com.acme.Gone not found")));

        String dom = dumpDom(chromium, index);

        Matcher table = Pattern.compile("<table id=\"verdicts\">(.*?)</table>", Pattern.DOTALL).matcher(dom);
        assertThat(table.find()).as("verdict table in DOM:\n%s", dom).isTrue();
        Matcher rows = Pattern.compile("<tr [^>]*data-verdict=\"([A-Z]+)\" data-test-key=\"([^\"]+)\"")
                .matcher(table.group(1));
        List<String> found = new ArrayList<>();
        while (rows.find()) {
            found.add(rows.group(2) + "=" + rows.group(1));
        }
        assertThat(found).containsExactly("a-reproducible=REPRODUCIBLE", "b-differs=DIFFERS", "c-error=ERROR");
        assertThat(table.group(1)).contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;/table&gt;");
        assertThat(dom).doesNotContain("<img").contains("class com.acme.Gone not found");
    }

    @Test
    void aDifferingTestShowsItsMatrixAndPlotAndThePageFitsA1280PixelWindow() throws Exception {
        Path chromium = Path.of(System.getProperty(CHROMIUM, "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium not found at " + chromium + "; install it (apt-get install chromium) or set -D" + CHROMIUM);
        }
        Path a = snapshot("r1", new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6});
        Path b = snapshot("r2", new double[] {0.1, 0.25, 0.3, 0.45, 0.5, 0.6});
        ObjectNode verdict = Json.MAPPER.createObjectNode();
        verdict.put("test_key", "wide").put("display_name", "wide").put("verdict", "DIFFERS")
                .put("test_class", "com.acme.ModelTest").put("test_method", "trains")
                .put("build_id", "b").put("finished_at", "2026-12-01T10:00:00Z")
                // One unbroken 3,000-character token: it must wrap, not widen the page.
                .put("message", "Training is not reproducible: " + "predictions_f64_sha256".repeat(140));
        verdict.putArray("runs").addObject().put("index", 1).put("snapshot_dir", a.toString())
                .put("log", root.resolve("work/wide/run-1/stderr.log").toString());
        ((com.fasterxml.jackson.databind.node.ArrayNode) verdict.get("runs")).addObject().put("index", 2)
                .put("snapshot_dir", b.toString());
        verdict.putObject("fingerprints").put("predictions_f64_sha256", "aa").put("model_sha256", "mm");
        verdict.putArray("differences").addObject().put("run", 2).put("field", "predictions_f64_sha256")
                .put("reference", "aa").put("actual", "bb");
        Json.write(ResultsLayout.of(root).verdictFile("wide"), verdict);
        Path index = TestReport.generate(ResultsLayout.of(root), List.of());

        // A copy of the page with a measuring script (the report itself has none), rendered at 1280 px.
        Path measured = index.resolveSibling("measured.html");
        Files.writeString(measured, Files.readString(index).replace("</body>", """
                <pre id="geometry"></pre><script>
                const cells = [...document.querySelectorAll('table.matrix td')];
                const svg = document.querySelector('svg.prediction-plot');
                document.getElementById('geometry').textContent = JSON.stringify({
                  scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
                  differs: cells.filter(c => c.classList.contains('differs'))
                      .map(c => getComputedStyle(c).backgroundColor),
                  same: cells.filter(c => c.classList.contains('same')).map(c => getComputedStyle(c).backgroundColor),
                  svgWidth: svg ? svg.getBoundingClientRect().width : 0,
                  redPoints: document.querySelectorAll('svg.prediction-plot circle.differs').length,
                  links: [...document.querySelectorAll('a[href^="file:"]')].map(l => l.getAttribute('href'))});
                </script></body>"""));
        String dom = browser(chromium, measured, "--dump-dom");
        Matcher g = Pattern.compile("<pre id=\"geometry\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(g.find()).as("geometry in DOM:\n%s", dom).isTrue();
        JsonNode geometry = Json.MAPPER.readTree(g.group(1).replace("&quot;", "\""));

        assertThat(geometry.path("scrollWidth").asInt()).as("page width at a 1280 px window")
                .isLessThanOrEqualTo(geometry.path("innerWidth").asInt()).isPositive();
        assertThat(geometry.path("differs")).as("the moved fingerprint's cell in run 2").hasSize(1)
                .allMatch(c -> c.asText().equals("rgb(253, 226, 225)"));
        assertThat(geometry.path("same")).as("unmoved cells").isNotEmpty()
                .allMatch(c -> c.asText().equals("rgb(227, 246, 229)"));
        assertThat(geometry.path("svgWidth").asDouble()).as("the plot and its 1 px border").isEqualTo(HtmlReport.PLOT + 2.0);
        assertThat(geometry.path("redPoints").asInt()).as("predictions that differ, drawn red").isEqualTo(2);
        assertThat(geometry.path("links").toString()).contains(a.toUri().toString()).contains("stderr.log");

        // And the picture itself: the matrix's red and green and the plot's red points are on the screen.
        Path png = root.resolve("report.png");
        browser(chromium, index, "--screenshot=" + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(colours(image)).contains(0xfde2e1, 0xe3f6e5, 0xd62828);
    }

    private Path snapshot(String runName, double[] predictions) {
        RunRecorder recorder = RunRecorder.builder().resultsRoot(root).runName(runName).target("t").trainSeed(1)
                .build();
        recorder.recordPredictions(predictions);
        return recorder.write();
    }

    private static java.util.Set<Integer> colours(BufferedImage image) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return out;
    }

    private String dumpDom(Path chromium, Path index) throws Exception {
        return browser(chromium, index, "--dump-dom");
    }

    /** Runs headless Chromium with a 1280 px window on {@code page}; its standard output. */
    private String browser(Path chromium, Path page, String action) throws Exception {
        Path profile = Files.createDirectories(root.resolve("chromium-profile"));
        Path out = root.resolve("chromium.out");
        Path err = root.resolve("chromium.log");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1280,2400", "--user-data-dir=" + profile, action,
                page.toAbsolutePath().toUri().toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 120 s; its log:\n" + Files.readString(err));
        }
        assertThat(process.exitValue()).as("Chromium exit; log:\n%s", Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
