package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.ResultsRoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.junit.fixtures.HyperparameterGateTestCase;
import io.repro4j.junit.fixtures.PlainTestCase;
import io.repro4j.junit.internal.baseline.Baseline;
import io.repro4j.junit.internal.baseline.BaselineFile;
import io.repro4j.junit.internal.baseline.BaselineSettings;
import io.repro4j.harness.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The listener as JUnit finds it, through {@code ServiceLoader}, at the end of a real Launcher session. */
class ReportListenerTest {

    @TempDir
    Path temp;
    Path results;
    Path baselines;

    @BeforeEach
    void baselines() throws IOException {
        results = temp.resolve("results");
        baselines = temp.resolve("baselines");
        write("HyperparameterGateTestCase.trains-live", "[engine:junit-jupiter]/[class:"
                + HyperparameterGateTestCase.class.getName() + "]/[test-template:trains(io.repro4j.junit.TrainingRun)]/[test-template-invocation:#1]");
        write("RetiredModelTest.trains-0000", "[engine:junit-jupiter]/[class:com.acme.RetiredModelTest]"
                + "/[test-template:trains(io.repro4j.junit.TrainingRun)]/[test-template-invocation:#1]");
    }

    @Test
    void writesTheReportWithOrphanBaselinesAfterTheSession() throws IOException {
        VerdictFixtures.write(results, "a-key", "REPRODUCIBLE", "trains");

        runSession();

        JsonNode report = Json.MAPPER.readTree(results.resolve("report/report.json").toFile());
        assertThat(report.path("tests").get(0).path("test_key").asText()).isEqualTo("a-key");
        assertThat(report.path("orphan_baselines")).hasSize(1);
        assertThat(report.path("orphan_baselines").get(0).path("file").asText())
                .endsWith("RetiredModelTest.trains-0000.json");
        assertThat(report.path("orphan_baselines").get(0).path("reason").asText())
                .isEqualTo("class com.acme.RetiredModelTest not found");
        assertThat(results.resolve("report/index.html")).content().contains("RetiredModelTest.trains-0000.json");
    }

    @Test
    void doesNothingWithoutVerdicts() {
        runSession();

        assertThat(results.resolve("report")).doesNotExist();
    }

    @Test
    void doesNothingInsideAChildJvm() throws IOException {
        VerdictFixtures.write(results, "a-key", "REPRODUCIBLE", "trains");
        System.setProperty(ReportListener.CHILD_MARKER, temp.resolve("request.json").toString());
        try {
            runSession();
        } finally {
            System.clearProperty(ReportListener.CHILD_MARKER);
        }

        assertThat(results.resolve("report")).doesNotExist();
    }

    private void runSession() {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(PlainTestCase.class))
                .configurationParameter(ResultsRoot.PROPERTY, results.toString())
                .configurationParameter(BaselineSettings.DIRECTORY, baselines.toString())
                .configurationParameter(BaselineSettings.MODE, "verify")
                .build());
    }

    private void write(String key, String testId) throws IOException {
        BaselineFile.write(baselines.resolve(key + ".json"), new Baseline(testId,
                Json.MAPPER.createObjectNode().put("model_sha256", "aa"), Json.MAPPER.createObjectNode()));
    }
}
