package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.fixtures.HyperparameterGateTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanBaselinesTest {

    @TempDir
    Path dir;

    @Test
    void reportsBaselinesWhoseClassOrMethodIsGoneAndKeepsLiveOnes() throws IOException {
        String live = "[engine:junit-jupiter]/[class:" + HyperparameterGateTestCase.class.getName()
                + "]/[test-template:trains(io.repro4j.junit.TrainingRun)]/[test-template-invocation:#1]";
        write("live", live);
        write("gone-class", "[engine:junit-jupiter]/[class:com.acme.RemovedTest]/[method:trains()]");
        write("gone-method", "[engine:junit-jupiter]/[class:" + HyperparameterGateTestCase.class.getName()
                + "]/[test-template:renamed(io.repro4j.junit.TrainingRun)]/[test-template-invocation:#1]");
        write("not-deterministic", "[engine:junit-jupiter]/[class:" + OrphanBaselinesTest.class.getName()
                + "]/[method:reportsBaselinesWhoseClassOrMethodIsGoneAndKeepsLiveOnes()]");
        Files.writeString(dir.resolve("broken.json"), "{\"schema\": 1,");

        List<OrphanBaseline> orphans = OrphanBaselines.find(dir, getClass().getClassLoader());

        assertThat(orphans).extracting(o -> o.file().getFileName().toString())
                .containsExactly("broken.json", "gone-class.json", "gone-method.json", "not-deterministic.json");
        assertThat(orphans.get(1).reason()).isEqualTo("class com.acme.RemovedTest not found");
        assertThat(orphans.get(2).reason()).startsWith("method renamed not found");
        assertThat(orphans.get(3).reason()).endsWith("is no longer @DeterministicTraining");
    }

    @Test
    void noDirectoryNoOrphans() {
        assertThat(OrphanBaselines.find(dir.resolve("absent"), getClass().getClassLoader())).isEmpty();
    }

    private void write(String key, String testId) throws IOException {
        var fingerprints = Json.MAPPER.createObjectNode().put("model_sha256", "aa");
        BaselineFile.write(dir.resolve(key + ".json"),
                new Baseline(testId, fingerprints, Json.MAPPER.createObjectNode()));
    }

    @Test
    void saysWhyATestIdNamesNoTest() {
        ClassLoader loader = getClass().getClassLoader();
        String fixture = io.repro4j.junit.fixtures.HyperparameterGateTestCase.class.getName();
        assertThat(OrphanBaselines.whyMissing("not an id", loader)).isEqualTo("not a JUnit unique id");
        assertThat(OrphanBaselines.whyMissing("[engine:junit-jupiter]/[class:" + fixture + "]", loader))
                .isEqualTo("no test class and method in the id");
        assertThat(OrphanBaselines.whyMissing("[engine:junit-jupiter]/[class:com.acme.Gone]/[method:x()]", loader))
                .isEqualTo("class com.acme.Gone not found");
        assertThat(OrphanBaselines.whyMissing("[engine:junit-jupiter]/[class:" + fixture + "]/[method:renamed()]",
                loader)).isEqualTo("method renamed not found in " + fixture);
        assertThat(OrphanBaselines.whyMissing("[engine:junit-jupiter]/[class:" + getClass().getName()
                + "]/[method:saysWhyATestIdNamesNoTest()]", loader))
                .isEqualTo(getClass().getName() + "#saysWhyATestIdNamesNoTest is no longer @DeterministicTraining");
        assertThat(OrphanBaselines.whyMissing("[engine:junit-jupiter]/[class:" + fixture
                + "]/[test-template:trains(io.repro4j.junit.TrainingRun)]/[test-template-invocation:#1]", loader))
                .isNull();
    }

    @Test
    void aMissingDirectoryHasNoOrphans() {
        assertThat(OrphanBaselines.find(dir.resolve("none"), getClass().getClassLoader())).isEmpty();
    }
}
