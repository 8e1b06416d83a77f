package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.Library;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineGateTest {

    private static final String TEST_ID = "[engine:junit-jupiter]/[class:com.acme.ModelTest]/[method:trains()]";

    @TempDir
    Path dir;

    @Test
    void writesMissingBaselineOutsideCiWithSortedKeysAndTrailingNewline() throws IOException {
        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.CREATED);
        String text = Files.readString(dir.resolve("key.json"), StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").contains("\n  \"environment\": {")
                .doesNotContain("timestamp");
        assertThat(text.indexOf("\"environment\"")).isLessThan(text.indexOf("\"fingerprints\""));
        assertThat(text.indexOf("\"comparison_group.train_seed\"")).isLessThan(text.indexOf("\"model_sha256\""));
        assertThat(BaselineFile.read(dir.resolve("key.json")).testId()).isEqualTo(TEST_ID);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.json"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void missingBaselineFailsInCiAndSaysHowToCreateIt() {
        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, true), subject("aa", "3.4.0"));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.status()).isEqualTo(BaselineStatus.MISSING);
        assertThat(outcome.message()).contains("-Drepro4j.baseline=update", "key.json");
        assertThat(dir.resolve("key.json")).doesNotExist();
    }

    @Test
    void changedFingerprintInSameEnvironmentIsACodeChangeNamingFieldAndValues() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("bb", "3.4.0"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.DIFFERS);
        assertThat(outcome.changes()).extracting(FingerprintChange::field).containsExactly("model_sha256");
        assertThat(outcome.message()).contains("model_sha256: baseline aa, actual bb")
                .contains("Environment identical: the change is in code, data or config");
    }

    @Test
    void changedFingerprintWithChangedLibraryIsDrift() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("bb", "3.5.0"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.DRIFT);
        assertThat(outcome.message()).contains("environment changed: xgboost4j 3.4.0 → 3.5.0, native library"
                        + " libxgboost4j.so x-3.4.0 → x-3.5.0.")
                .contains("likely environment drift, not a code change");
    }

    @Test
    void driftPassesWithWarnPolicy() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));
        BaselineSettings warn = new BaselineSettings(BaselineMode.VERIFY, dir, DriftPolicy.WARN, false);

        BaselineOutcome outcome = BaselineGate.check(warn, subject("bb", "3.5.0"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.DRIFT_WARNED);
        assertThat(outcome.failed()).isFalse();
    }

    @Test
    void environmentChangeWithIdenticalFingerprintsPassesAndIsReported() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.5.0"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.ENVIRONMENT_CHANGED);
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.environmentChanges()).extracting(EnvironmentChange::toString)
                .containsExactly("xgboost4j 3.4.0 → 3.5.0", "native library libxgboost4j.so x-3.4.0 → x-3.5.0");
    }

    @Test
    void updateRewritesAndIsIdempotent() throws IOException {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        assertThat(BaselineGate.check(settings(BaselineMode.UPDATE, false), subject("bb", "3.4.0")).status())
                .isEqualTo(BaselineStatus.UPDATED);
        assertThat(BaselineGate.check(settings(BaselineMode.UPDATE, false), subject("bb", "3.4.0")).status())
                .isEqualTo(BaselineStatus.UNCHANGED);
        assertThat(BaselineFile.read(dir.resolve("key.json")).fingerprints().get("model_sha256").asText())
                .isEqualTo("bb");
        assertThat(BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("bb", "3.4.0")).status())
                .isEqualTo(BaselineStatus.MATCHED);
    }

    @Test
    void integerValuesReadBackFromFileEqualLongsInMemory() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        assertThat(BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0")).status())
                .isEqualTo(BaselineStatus.MATCHED);
    }

    @Test
    void truncatedBaselineFailsNamingFileLineAndColumnAndIsLeftUntouched() throws IOException {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));
        Path file = dir.resolve("key.json");
        String text = Files.readString(file);
        String truncated = text.substring(0, text.length() / 2);
        Files.writeString(file, truncated);

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.CORRUPT);
        assertThat(outcome.message()).contains(file.toString()).containsPattern("line \\d+, column \\d+");
        assertThat(Files.readString(file)).isEqualTo(truncated);
    }

    @Test
    void baselineMissingAKeyFailsNamingTheKey() throws IOException {
        Files.writeString(dir.resolve("key.json"), "{\"schema\": 1, \"test_id\": \"x\", \"environment\": {}}\n");

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.CORRUPT);
        assertThat(outcome.message()).contains("missing key \"fingerprints\"");
    }

    @Test
    void offNeitherReadsNorWrites() {
        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.OFF, true), subject("aa", "3.4.0"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.OFF);
        assertThat(dir.resolve("key.json")).doesNotExist();
    }

    private BaselineSettings settings(BaselineMode mode, boolean ci) {
        return new BaselineSettings(mode, dir, DriftPolicy.FAIL, ci);
    }

    static BaselineSubject subject(String modelSha, String xgboostVersion) {
        return subject(modelSha, xgboostVersion, "3.3.510", "AMD EPYC", 2, Library.XGBOOST);
    }

    /** Run 1's fingerprints and environment as a verdict hands them to the gate, trained with {@code library}. */
    static BaselineSubject subject(String modelSha, String xgboostVersion, String lightgbmVersion, String cpu,
            int cores, Library library) {
        ObjectNode fingerprints = Json.MAPPER.createObjectNode();
        fingerprints.put("comparison_group.train_seed", 1_234_567_890L);
        fingerprints.put("comparison_group.hyperparameters_signature", "h1");
        fingerprints.put("comparison_group.library_versions_signature", "all-" + xgboostVersion + "-" + lightgbmVersion);
        fingerprints.put("metrics_sha256", "m1");
        fingerprints.put("predictions_sha256", "p1");
        fingerprints.put("model_sha256", modelSha);
        ObjectNode environment = Json.MAPPER.createObjectNode();
        environment.put("jdk_version", "17.0.12");
        environment.put("cpu_model", cpu);
        environment.put("available_processors", cores);
        environment.putObject("library_versions").put("xgboost4j", xgboostVersion).put("lightgbmlib", lightgbmVersion);
        environment.putObject("native_libraries").put("libxgboost4j.so", "x-" + xgboostVersion)
                .put("lib_lightgbm.so", "l-" + lightgbmVersion);
        return new BaselineSubject(TEST_ID, "key", fingerprints, environment, Set.of(library));
    }

    private static BaselineSubject withFingerprint(BaselineSubject s, String field, String value) {
        ObjectNode fingerprints = s.fingerprints().deepCopy();
        fingerprints.put(field, value);
        return new BaselineSubject(s.testId(), s.testKey(), fingerprints, s.environment(), s.libraries());
    }

    @Test
    void aPredictionsOnlyChangeFails() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false),
                withFingerprint(subject("aa", "3.4.0"), "predictions_sha256", "p2"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.DIFFERS);
        assertThat(outcome.changes()).extracting(FingerprintChange::field).containsExactly("predictions_sha256");
    }

    @Test
    void aMetricsOnlyChangeFails() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false),
                withFingerprint(subject("aa", "3.4.0"), "metrics_sha256", "m2"));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.DIFFERS);
        assertThat(outcome.changes()).extracting(FingerprintChange::field).containsExactly("metrics_sha256");
    }

    @Test
    void anotherCpuAndCoreCountLeaveTheGateArmedEvenWhenDriftOnlyWarns() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false), subject("aa", "3.4.0"));
        BaselineSettings warn = new BaselineSettings(BaselineMode.VERIFY, dir, DriftPolicy.WARN, false);

        BaselineOutcome outcome = BaselineGate.check(warn,
                subject("bb", "3.4.0", "3.3.510", "Intel Xeon", 16, Library.XGBOOST));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.DIFFERS);
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.message()).contains("cpu_model AMD EPYC → Intel Xeon", "available_processors 2 → 16")
                .contains("None of these can move the fingerprints of a single-threaded CPU training")
                .contains("the change is in code, data or config");
    }

    @Test
    void bumpingALibraryTheTestDoesNotUseIsNoFingerprintChange() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false),
                subject("aa", "3.4.0", "3.3.510", "AMD EPYC", 2, Library.LIGHTGBM));

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false),
                subject("aa", "3.5.0", "3.3.510", "AMD EPYC", 2, Library.LIGHTGBM));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.ENVIRONMENT_CHANGED);
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.environmentChanges()).allSatisfy(c -> assertThat(c.canMoveFingerprints()).isFalse());
    }

    @Test
    void aMoveNextToABumpOfAnUnusedLibraryIsACodeChange() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false),
                subject("aa", "3.4.0", "3.3.510", "AMD EPYC", 2, Library.LIGHTGBM));
        BaselineSettings warn = new BaselineSettings(BaselineMode.VERIFY, dir, DriftPolicy.WARN, false);

        BaselineOutcome outcome = BaselineGate.check(warn,
                subject("bb", "3.5.0", "3.3.510", "AMD EPYC", 2, Library.LIGHTGBM));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.DIFFERS);
    }

    @Test
    void aMoveNextToABumpOfTheTrainedLibraryIsDrift() {
        BaselineGate.check(settings(BaselineMode.VERIFY, false),
                subject("aa", "3.4.0", "3.3.510", "AMD EPYC", 2, Library.LIGHTGBM));

        BaselineOutcome outcome = BaselineGate.check(settings(BaselineMode.VERIFY, false),
                subject("bb", "3.4.0", "4.0.0", "Intel Xeon", 2, Library.LIGHTGBM));

        assertThat(outcome.status()).isEqualTo(BaselineStatus.DRIFT);
        assertThat(outcome.message()).contains("environment changed: lightgbmlib 3.3.510 → 4.0.0")
                .contains("Also changed, but cannot move fingerprints: cpu_model AMD EPYC → Intel Xeon.");
    }
}
