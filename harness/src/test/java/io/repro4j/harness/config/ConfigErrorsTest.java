package io.repro4j.harness.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per class of bad input: the message must name the file, the line and the key. */
class ConfigErrorsTest {

    @TempDir
    Path configDir;

    private Path file;

    @BeforeEach
    void setUp() {
        file = configDir.resolve("reproducibility.yaml");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> loadingBase(String yaml) throws IOException {
        Files.writeString(file, yaml);
        return assertThatThrownBy(() -> new ConfigLoader(configDir, Map.of(), Map.of()).reproducibility())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> loadingExperiment(String yaml) throws IOException {
        Path experiment = Files.createDirectories(configDir.resolve("experiments")).resolve("bad.yaml");
        Files.writeString(experiment, yaml);
        return assertThatThrownBy(() -> new ConfigLoader(configDir, Map.of(), Map.of()).experiment("bad", true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(experiment.toString());
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        loadingBase("reproducibility:\n  mode: strict\n  seed: [42\n")
                .hasMessageContaining("malformed YAML")
                .hasMessageContaining("line 4");
    }

    @Test
    void badIndentationNamesLine() throws IOException {
        loadingBase("reproducibility:\n  mode: strict\n seed: 42\n")
                .hasMessageContaining("malformed YAML")
                .hasMessageContaining("line 3");
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() throws IOException {
        loadingBase("reproducibility:\n  mode: strict\n  sed: 42\n")
                .hasMessageContaining("line 3")
                .hasMessageContaining("unknown key 'reproducibility.sed'")
                .hasMessageContaining("Did you mean 'seed'?");
    }

    @Test
    void unknownStrictKeySuggestsTheClosestKnownKey() throws IOException {
        loadingBase("strict:\n  force_single_threads: true\n")
                .hasMessageContaining("line 2")
                .hasMessageContaining("'strict.force_single_threads'")
                .hasMessageContaining("Did you mean 'force_single_thread'?");
    }

    @Test
    void unknownTopLevelKeyPointsToItsSection() throws IOException {
        loadingBase("seed: 42\n")
                .hasMessageContaining("line 1")
                .hasMessageContaining("unknown key 'seed'")
                .hasMessageContaining("'reproducibility.seed'");
    }

    @Test
    void seedOfWrongTypeNamesKeyAndExpectedType() throws IOException {
        loadingBase("reproducibility:\n  seed: abc\n")
                .hasMessageContaining("line 2")
                .hasMessageContaining("'reproducibility.seed'")
                .hasMessageContaining("expected an integer")
                .hasMessageContaining("'abc'");
    }

    @Test
    void seedOutOfLongRangeIsRejected() throws IOException {
        loadingBase("reproducibility:\n  seed: 99999999999999999999\n")
                .hasMessageContaining("line 2")
                .hasMessageContaining("'reproducibility.seed'")
                .hasMessageContaining("out of range");
    }

    @Test
    void booleanOfWrongTypeNamesKey() throws IOException {
        loadingBase("strict:\n  require_env_vars: true\n  force_single_thread: maybe\n")
                .hasMessageContaining("line 3")
                .hasMessageContaining("'strict.force_single_thread'")
                .hasMessageContaining("expected true or false")
                .hasMessageContaining("'maybe'");
    }

    @Test
    void unknownModeListsAllowedModes() throws IOException {
        loadingBase("reproducibility:\n  mode: fast\n")
                .hasMessageContaining("line 2")
                .hasMessageContaining("'reproducibility.mode'")
                .hasMessageContaining("unknown mode 'fast'")
                .hasMessageContaining("strict, best_effort");
    }

    @Test
    void unknownGpuPolicyListsAllowedValues() throws IOException {
        loadingBase("strict:\n  on_gpu_request: ignore\n")
                .hasMessageContaining("line 2")
                .hasMessageContaining("'strict.on_gpu_request'")
                .hasMessageContaining("rewrite, fail");
    }

    @Test
    void duplicateKeyNamesBothLines() throws IOException {
        loadingBase("reproducibility:\n  seed: 1\n  mode: strict\n  seed: 2\n")
                .hasMessageContaining("line 4")
                .hasMessageContaining("duplicate key 'reproducibility.seed'")
                .hasMessageContaining("first defined at line 2");
    }

    @Test
    void nonMappingDocumentIsRejected() throws IOException {
        loadingBase("- strict\n- 42\n")
                .hasMessageContaining("line 1")
                .hasMessageContaining("must be a mapping")
                .hasMessageContaining("a list");
    }

    @Test
    void sectionThatIsNotAMappingNamesTheKey() throws IOException {
        loadingBase("reproducibility: strict\n")
                .hasMessageContaining("line 1")
                .hasMessageContaining("'reproducibility' must be a mapping")
                .hasMessageContaining("'strict'");
    }

    @Test
    void experimentWithUnknownTopLevelKeyIsRejected() throws IOException {
        loadingExperiment("description: x\ntrainig:\n  num_round: 5\n")
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown key 'trainig'")
                .hasMessageContaining("Did you mean 'training'?");
    }

    @Test
    void experimentOverrideOfWrongTypeNamesKey() throws IOException {
        loadingExperiment("description: x\nreproducibility:\n  seed: 4.2\n")
                .hasMessageContaining("line 3")
                .hasMessageContaining("'reproducibility.seed'")
                .hasMessageContaining("the float 4.2");
    }

    @Test
    void experimentFreeFormSectionMustBeAMapping() throws IOException {
        loadingExperiment("data:\n  - a\n  - b\n")
                .hasMessageContaining("line 2")
                .hasMessageContaining("'data' must be a mapping");
    }

    @Test
    void duplicateKeyInsideFreeFormMapsIsRejected() throws IOException {
        loadingExperiment("training:\n  params:\n    eta: 0.1\n    eta: 0.2\n")
                .hasMessageContaining("line 4")
                .hasMessageContaining("duplicate key 'training.params.eta'");
    }

    @Test
    void recursiveAliasIsRejectedInsteadOfRecursingForever() throws IOException {
        loadingExperiment("training:\n  loop: &self\n    again: *self\n")
                .hasMessageContaining("refers to itself")
                .hasMessageContaining("'training.loop.again'");
    }

    @Test
    void multipleDocumentsAreRejected() throws IOException {
        loadingBase("reproducibility:\n  seed: 1\n---\nstrict: {}\n")
                .hasMessageContaining("malformed YAML")
                .hasMessageContaining("single document")
                .hasMessageContaining("line 3");
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> new ConfigLoader(null, Map.of("REPRO_SEED", "abc"), Map.of()).reproducibility())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("REPRO_SEED='abc'")
                .hasMessageContaining("reproducibility.seed")
                .hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> new ConfigLoader(null, Map.of("REPRO_MODE", "fast"), Map.of()).reproducibility())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("REPRO_MODE='fast'")
                .hasMessageContaining("strict, best_effort");
    }

    @Test
    void badSystemPropertyNamesTheProperty() {
        assertThatThrownBy(() -> new ConfigLoader(null, Map.of(),
                Map.of("repro4j.strict.force_single_thread", "maybe")).reproducibility())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("repro4j.strict.force_single_thread='maybe'")
                .hasMessageContaining("expected true or false");
        assertThatThrownBy(() -> new ConfigLoader(null, Map.of(),
                Map.of("repro4j.strict.on_gpu", "fail")).reproducibility())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown system property 'repro4j.strict.on_gpu'")
                .hasMessageContaining("repro4j.strict.on_gpu_request");
    }
}
