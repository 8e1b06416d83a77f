package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        assertThat(text.indexOf("\"model_sha256\"")).isLessThan(text.indexOf("\"train_seed\""));
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
        assertThat(outcome.message()).contains("environment changed: xgboost4j 3.4.0 → 3.5.0")
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
                .containsExactly("xgboost4j 3.4.0 → 3.5.0");
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
        ObjectNode fingerprints = Json.MAPPER.createObjectNode();
        fingerprints.put("train_seed", 1_234_567_890L);
        fingerprints.put("hyperparameters_signature", "h1");
        fingerprints.put("model_sha256", modelSha);
        ObjectNode environment = Json.MAPPER.createObjectNode();
        environment.put("jdk_version", "17.0.12");
        environment.putObject("library_versions").put("xgboost4j", xgboostVersion).put("lightgbmlib", "3.3.510");
        return new BaselineSubject(TEST_ID, "key", fingerprints, environment);
    }
}
