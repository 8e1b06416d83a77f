package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.junit.fixtures.HyperparameterGateTestCase;
import io.repro4j.junit.internal.TestKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The regression gate end to end: {@link HyperparameterGateTestCase} trains XGBoost in two strict child JVMs per
 * execution, and the baseline hook judges run 1's fingerprints against the baseline directory of this test.
 */
class BaselineGateIT {

    private static final String UNIQUE_ID = "[engine:junit-jupiter]/[class:" + HyperparameterGateTestCase.class.getName()
            + "]/[test-template:trains(io.repro4j.junit.TrainingRun)]/[test-template-invocation:#1]";
    private static final String KEY = TestKey.of(HyperparameterGateTestCase.class, "trains", UNIQUE_ID);

    @TempDir
    Path temp;
    Path baselines;
    Path results;
    Path experiment;

    @BeforeEach
    void project() throws IOException {
        baselines = temp.resolve("repro4j-baselines");
        results = temp.resolve("results");
        Path config = Files.createDirectories(temp.resolve("config/experiments"));
        Files.writeString(temp.resolve("config/reproducibility.yaml"),
                "reproducibility:\n  mode: strict\n  seed: 42\n  version: v1\n");
        experiment = config.resolve(HyperparameterGateTestCase.EXPERIMENT + ".yaml");
        maxDepth(3);
    }

    @Test
    void writesMissingBaselineThenFailsOnHyperparameterChangeUntilUpdated() throws IOException {
        run(Map.of()).assertThatEvents().haveExactly(1, event(test("trains"), finishedSuccessfully()));
        Path file = baselines.resolve(KEY + ".json");
        assertThat(file).exists();
        String recorded = Files.readString(file);
        assertThat(recorded).endsWith("}\n").contains("\"test_id\": \"" + UNIQUE_ID.replace("\"", "\\\""));

        maxDepth(5);
        run(Map.of()).assertThatEvents().haveExactly(1, event(test("trains"), finishedWithFailure(message(m ->
                m.contains("hyperparameters_signature: baseline ") && m.contains("model_sha256: baseline ")
                        && m.contains("Environment identical: the change is in code, data or config")
                        && m.contains("-Drepro4j.baseline=update") && m.contains(file.toString())))));
        assertThat(Files.readString(file)).isEqualTo(recorded);

        run(Map.of(BaselineSettings.MODE, "update"))
                .assertThatEvents().haveExactly(1, event(test("trains"), finishedSuccessfully()));
        assertThat(Files.readString(file)).isNotEqualTo(recorded);
        run(Map.of()).assertThatEvents().haveExactly(1, event(test("trains"), finishedSuccessfully()));
        assertThat(record().path("status").asText()).isEqualTo("MATCHED");
    }

    @Test
    void missingBaselineFailsInCiSayingHowToCreateIt() {
        run(Map.of(BaselineSettings.CI, "true")).assertThatEvents().haveExactly(1, event(test("trains"),
                finishedWithFailure(message(m -> m.contains("No baseline for " + UNIQUE_ID)
                        && m.contains("-Drepro4j.baseline=update")))));
        assertThat(baselines.resolve(KEY + ".json")).doesNotExist();
    }

    @Test
    void corruptedBaselineFailsNamingTheFileAndIsNotOverwritten() throws IOException {
        Path file = Files.createDirectories(baselines).resolve(KEY + ".json");
        String truncated = "{\n  \"environment\": {\n    \"jdk_version\": \"17";
        Files.writeString(file, truncated);

        run(Map.of()).assertThatEvents().haveExactly(1, event(test("trains"), finishedWithFailure(message(m ->
                m.contains("Baseline file " + file + " is corrupt: invalid JSON at line 3")))));
        assertThat(Files.readString(file)).isEqualTo(truncated);
    }

    @Test
    void driftIsToldApartFromACodeChangeAndCanBeAcceptedWithAWarning() throws IOException {
        run(Map.of()).assertThatEvents().haveExactly(1, event(test("trains"), finishedSuccessfully()));
        Path file = baselines.resolve(KEY + ".json");
        ObjectNode baseline = (ObjectNode) Json.MAPPER.readTree(file.toFile());
        String xgboost = baseline.path("environment").path("library_versions").path("xgboost4j").asText();
        ((ObjectNode) baseline.path("environment").path("library_versions")).put("xgboost4j", "3.3.0");
        ((ObjectNode) baseline.path("fingerprints")).put("model_sha256", "0".repeat(64));
        Files.writeString(file, Json.render(baseline));

        run(Map.of()).assertThatEvents().haveExactly(1, event(test("trains"), finishedWithFailure(message(m ->
                m.contains("model_sha256: baseline " + "0".repeat(64))
                        && m.contains("environment changed: xgboost4j 3.3.0 → " + xgboost)
                        && m.contains("likely environment drift, not a code change")
                        && m.contains("repro4j.baseline.onDrift=warn")))));

        run(Map.of(BaselineSettings.ON_DRIFT, "warn"))
                .assertThatEvents().haveExactly(1, event(test("trains"), finishedSuccessfully()));
        assertThat(record().path("status").asText()).isEqualTo("DRIFT_WARNED");
        assertThat(record().path("environment_changes").get(0).path("label").asText()).isEqualTo("xgboost4j");
    }

    private org.junit.platform.testkit.engine.Events run(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("repro4j.configDir", temp.resolve("config").toString());
        parameters.put("repro4j.resultsDir", results.toString());
        parameters.put(BaselineSettings.DIRECTORY, baselines.toString());
        parameters.put(BaselineSettings.CI, "false");
        parameters.put(BaselineSettings.MODE, "verify"); // this module's build turns it off for other fixtures
        parameters.putAll(extra);
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(selectMethod(HyperparameterGateTestCase.class, "trains", "io.repro4j.junit.TrainingRun"))
                .execute()
                .testEvents();
    }

    private JsonNode record() throws IOException {
        return Json.MAPPER.readTree(ResultsLayout.of(results).baselineRecord(KEY).toFile());
    }

    private void maxDepth(int depth) throws IOException {
        Files.writeString(experiment, "description: baseline gate fixture\ntraining:\n  max_depth: " + depth + "\n");
    }
}
