package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.ResultsLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.repro4j.junit.internal.baseline.OrphanBaseline;
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

/** Renders the report in headless Chromium from disk and reads the verdict table back from the live DOM. */
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

    private String dumpDom(Path chromium, Path index) throws Exception {
        Path profile = Files.createDirectories(root.resolve("chromium-profile"));
        Path out = root.resolve("dom.html");
        Path err = root.resolve("chromium.log");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom",
                index.toAbsolutePath().toUri().toString())
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
