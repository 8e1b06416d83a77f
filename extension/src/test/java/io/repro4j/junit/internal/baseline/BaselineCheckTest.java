package io.repro4j.junit.internal.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.junit.internal.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The gate as a test sees it after a reproducible verdict: the outcome recorded, published, logged, and failing. */
class BaselineCheckTest {

    private static final String TEST_ID = "[engine:junit-jupiter]/[class:com.acme.ModelTest]/[method:trains()]";

    @TempDir
    Path dir;

    private final List<Map<String, String>> entries = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Verdict verdict(String model, String jdk) {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        fingerprints.put("comparison_group.train_seed", "7");
        fingerprints.put("model_sha256", model);
        return new Verdict(TEST_ID, "com.acme.ModelTest", "trains", "trains(TrainingRun)", "ModelTest.trains-1",
                Verdict.Kind.REPRODUCIBLE, null, List.of(), fingerprints, List.of(),
                Map.of("jdk_version", jdk, "library_versions", Map.of("xgboost4j", "3.4.0")),
                "2026-12-01T00:00:00Z", "b1", List.of("xgboost"));
    }

    private BaselineSettings settings(BaselineMode mode, DriftPolicy onDrift, boolean ci) {
        return new BaselineSettings(mode, dir.resolve("baselines"), onDrift, ci);
    }

    private void check(BaselineSettings settings, Verdict verdict) throws IOException {
        BaselineCheck.check(settings, verdict, ResultsLayout.of(dir.resolve("results")), entries::add,
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingBaselineIsWrittenRecordedPublishedAndSaidOnTheLog() throws IOException {
        check(settings(BaselineMode.VERIFY, DriftPolicy.FAIL, false), verdict("aa", "17"));

        Path baseline = dir.resolve("baselines/ModelTest.trains-1.json");
        assertThat(baseline).exists();
        assertThat(dir.resolve("results/baselines/ModelTest.trains-1.json")).content().contains("\"CREATED\"")
                .contains("2026-12-01T00:00:00Z");
        assertThat(entries).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("repro4j.baseline", "CREATED").containsEntry("repro4j.baseline.file", baseline.toString())
                .doesNotContainKey("repro4j.baseline.environmentChanges"));
        assertThat(logged()).startsWith("[repro4j] trains(TrainingRun): ").doesNotContain("WARNING").endsWith("\n")
                .hasLineCount(1);
    }

    @Test
    void aMatchingRunSaysNothingAndAMovedFingerprintFailsNamingTheTest() throws IOException {
        check(settings(BaselineMode.VERIFY, DriftPolicy.FAIL, false), verdict("aa", "17"));
        log.reset();

        check(settings(BaselineMode.VERIFY, DriftPolicy.FAIL, false), verdict("aa", "17"));
        assertThat(logged()).isEmpty();
        assertThat(entries.get(1)).containsEntry("repro4j.baseline", "MATCHED");

        assertThatThrownBy(() -> check(settings(BaselineMode.VERIFY, DriftPolicy.FAIL, false), verdict("bb", "17")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("com.acme.ModelTest#trains: ").hasMessageContaining("model_sha256");
        assertThat(dir.resolve("results/baselines/ModelTest.trains-1.json")).content().contains("\"DIFFERS\"");
    }

    @Test
    void driftThatMayWarnWarnsAndNamesTheEnvironmentChange() throws IOException {
        check(settings(BaselineMode.VERIFY, DriftPolicy.WARN, false), verdict("aa", "17"));

        check(settings(BaselineMode.VERIFY, DriftPolicy.WARN, false), verdict("bb", "21"));

        assertThat(entries.get(1)).containsEntry("repro4j.baseline", "DRIFT_WARNED")
                .hasEntrySatisfying("repro4j.baseline.environmentChanges", v -> assertThat(v).contains("17", "21"));
        assertThat(logged()).contains("[repro4j] WARNING: trains(TrainingRun): ");
        assertThatThrownBy(() -> check(settings(BaselineMode.VERIFY, DriftPolicy.FAIL, false), verdict("cc", "21")))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void offOrNothingToCompareLeavesNoTrace() throws IOException {
        check(settings(BaselineMode.OFF, DriftPolicy.FAIL, true), verdict("aa", "17"));
        Verdict empty = new Verdict(TEST_ID, "com.acme.ModelTest", "trains", "trains()", "ModelTest.trains-1",
                Verdict.Kind.REPRODUCIBLE, null, List.of(), Map.of(), List.of(), Map.of(), "t", "b", List.of());
        check(settings(BaselineMode.VERIFY, DriftPolicy.FAIL, true), empty);

        assertThat(entries).isEmpty();
        assertThat(logged()).isEmpty();
        assertThat(dir.resolve("baselines")).doesNotExist();
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void inCiAMissingBaselineFails() {
        assertThatThrownBy(() -> check(settings(BaselineMode.VERIFY, DriftPolicy.FAIL, true), verdict("aa", "17")))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("-Drepro4j.baseline=update");
        assertThat(Files.exists(dir.resolve("baselines/ModelTest.trains-1.json"))).isFalse();
    }
}
