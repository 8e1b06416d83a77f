package io.repro4j.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.ReproducibilityConfig.GpuRequestPolicy;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static Path fixture(String name) {
        try {
            return Path.of(ConfigLoaderTest.class.getResource("/config-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigLoader loader(Path dir) {
        return new ConfigLoader(dir, Map.of(), Map.of());
    }

    @Test
    void noConfigDirectoryGivesBuiltInDefaults() {
        ConfigLoader loader = loader(null);

        ReproducibilityConfig config = loader.reproducibility();

        assertThat(config.mode()).isEqualTo(Mode.STRICT);
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.version()).isEqualTo("v1");
        assertThat(config.requireEnvVars()).isTrue();
        assertThat(config.gpuRequestPolicy()).isEqualTo(GpuRequestPolicy.REWRITE);
        assertThat(config.source()).isEmpty();
        assertThat(loader.experiment("determinism_test", false)).isEmpty();
    }

    @Test
    void reproducibilityFileOverridesDefaults() {
        ReproducibilityConfig config = loader(fixture("full")).reproducibility();

        assertThat(config.mode()).isEqualTo(Mode.BEST_EFFORT);
        assertThat(config.seed()).isEqualTo(7);
        assertThat(config.requireEnvVars()).isFalse();
        assertThat(config.gpuRequestPolicy()).isEqualTo(GpuRequestPolicy.FAIL);
        assertThat(config.forceSingleThread()).isTrue();
        assertThat(config.source()).contains(fixture("full").resolve("reproducibility.yaml"));
    }

    @Test
    void experimentOverridesReproducibilityFileKeyByKey() {
        ConfigLoader loader = loader(fixture("full"));
        ExperimentConfig experiment = loader.experiment("sample", true).orElseThrow();

        ReproducibilityConfig config = loader.reproducibility(experiment);

        assertThat(config.mode()).isEqualTo(Mode.STRICT);
        assertThat(config.seed()).isEqualTo(-123);
        assertThat(config.requireEnvVars()).as("from reproducibility.yaml").isFalse();
        assertThat(config.gpuRequestPolicy()).as("from reproducibility.yaml").isEqualTo(GpuRequestPolicy.FAIL);
        assertThat(config.source()).contains(experiment.path());
    }

    @Test
    void systemPropertiesOverrideFilesAndEnvironmentOverridesSystemProperties() {
        Map<String, String> properties = Map.of("repro4j.mode", "strict", "repro4j.seed", "9",
                "repro4j.version", "v1", "repro4j.strict.on_gpu_request", "rewrite",
                "repro4j.strict.require_env_vars", "true");
        Map<String, String> env = Map.of("REPRO_SEED", "-5", "REPRO_MODE", "BEST_EFFORT");
        ConfigLoader loader = new ConfigLoader(fixture("full"), env, properties);
        ExperimentConfig experiment = loader.experiment("sample", true).orElseThrow();

        ReproducibilityConfig config = loader.reproducibility(experiment);

        assertThat(config.seed()).as("REPRO_SEED beats repro4j.seed").isEqualTo(-5);
        assertThat(config.mode()).as("REPRO_MODE beats repro4j.mode").isEqualTo(Mode.BEST_EFFORT);
        assertThat(config.gpuRequestPolicy()).as("repro4j.strict.* beats the files").isEqualTo(GpuRequestPolicy.REWRITE);
        assertThat(config.requireEnvVars()).isTrue();
    }

    @Test
    void systemPropertiesAloneOverrideDefaults() {
        ConfigLoader loader = new ConfigLoader(null, Map.of("REPRO_SEED", " "),
                Map.of("repro4j.seed", "1234567890123", "repro4j.strict.force_single_thread", "false"));

        ReproducibilityConfig config = loader.reproducibility();

        assertThat(config.seed()).as("a blank REPRO_SEED counts as unset").isEqualTo(1234567890123L);
        assertThat(config.forceSingleThread()).isFalse();
    }

    @Test
    void experimentExposesDeepImmutableUserMaps() {
        ExperimentConfig experiment = loader(fixture("full")).experiment("sample.yaml", true).orElseThrow();

        assertThat(experiment.name()).isEqualTo("sample");
        assertThat(experiment.description()).isEqualTo("A small experiment used by the loader's tests");
        assertThat(experiment.data()).containsEntry("dir", "data/sample").containsEntry("rows", 1000);
        assertThat(experiment.data().get("symbols")).isEqualTo(List.of("AAA", "BBB"));
        assertThat(experiment.targets()).containsKey("fwd_ret_10m");
        assertThat(experiment.training()).containsEntry("num_round", 20).containsEntry("learning_rate", 0.1)
                .containsEntry("big", new BigInteger("12345678901234567890"));
        assertThatThrownBy(() -> experiment.training().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> symbols = (List<Object>) experiment.data().get("symbols");
        assertThatThrownBy(() -> symbols.add("CCC")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) experiment.training().get("nested");
        assertThat(nested).containsEntry("flag", true).containsEntry("nothing", null);
        assertThatThrownBy(() -> nested.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedGetterConvertsIntegersAndReportsMismatches() {
        ExperimentConfig experiment = loader(fixture("full")).experiment("sample", true).orElseThrow();

        assertThat(experiment.get("training.num_round", Integer.class)).contains(20);
        assertThat(experiment.get("training.num_round", Long.class)).contains(20L);
        assertThat(experiment.get("training.num_round", Double.class)).contains(20.0);
        assertThat(experiment.get("training.learning_rate", Double.class)).contains(0.1);
        assertThat(experiment.get("training.nested.flag", Boolean.class)).contains(true);
        assertThat(experiment.get("training.nested.nothing", String.class)).isEmpty();
        assertThat(experiment.get("training.absent.deeper", String.class)).isEmpty();
        assertThat(experiment.get("reproducibility.seed", Long.class)).contains(-123L);

        assertThatThrownBy(() -> experiment.get("data.dir", Integer.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(experiment.path().toString())
                .hasMessageContaining("line 8")
                .hasMessageContaining("'data.dir'")
                .hasMessageContaining("expected Integer");
        assertThatThrownBy(() -> experiment.get("training.big", Long.class))
                .hasMessageContaining("'training.big'").hasMessageContaining("expected Long");
        assertThatThrownBy(() -> experiment.get("data.dir.x", String.class))
                .hasMessageContaining("'data.dir'").hasMessageContaining("expected a mapping");
    }

    @Test
    void experimentWithoutOverridesKeepsReproducibilitySettings() {
        ConfigLoader loader = loader(fixture("experiments-only"));
        ExperimentConfig plain = loader.experiment("plain", true).orElseThrow();

        assertThat(loader.reproducibility(plain).seed()).isEqualTo(42);
        assertThat(plain.description()).isEmpty();
        assertThat(plain.targets()).isEmpty();
        assertThat(plain.training()).containsEntry("num_round", 5);
    }

    @Test
    void missingExperimentIsEmptyUnlessRequired() {
        ConfigLoader loader = loader(fixture("full"));

        assertThat(loader.experiment("nope", false)).isEmpty();
        assertThatThrownBy(() -> loader.experiment("nope", true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(fixture("full").resolve("experiments/nope.yaml").toString())
                .hasMessageContaining("config directory " + fixture("full"));
        assertThatThrownBy(() -> loader(null).experiment("nope", true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no config directory");
    }

    @Test
    void experimentNamesCannotLeaveTheConfigDirectory(@TempDir Path tmp) throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config/experiments"));
        Files.writeString(tmp.resolve("secret.yaml"), "data: {}\n");
        Files.createSymbolicLink(config.resolve("linked.yaml"), tmp.resolve("secret.yaml"));
        ConfigLoader loader = loader(tmp.resolve("config"));

        for (String bad : List.of("../secret", "..", "a/b", "", "x y", "..hidden")) {
            assertThatThrownBy(() -> loader.experiment(bad, false)).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("Invalid experiment name");
        }
        assertThatThrownBy(() -> loader.experiment("linked", true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("outside the config directory");
    }

    @Test
    void findsNearestConfigDirectoryWalkingUp(@TempDir Path tmp) throws Exception {
        Path root = tmp.toRealPath();
        Files.createDirectories(root.resolve("config/experiments"));
        Files.createDirectories(root.resolve("module/config")); // no reproducibility.yaml, no experiments/: skipped
        Path deep = Files.createDirectories(root.resolve("module/src/test"));

        assertThat(ConfigLoader.findConfigDir(deep, Map.of())).contains(root.resolve("config"));

        Files.writeString(root.resolve("module/config/reproducibility.yaml"), "");
        assertThat(ConfigLoader.findConfigDir(deep, Map.of())).contains(root.resolve("module/config"));
    }

    @Test
    void explicitConfigDirectoryWinsAndMustExist(@TempDir Path tmp) throws Exception {
        Path root = tmp.toRealPath();
        Files.createDirectories(root.resolve("config/experiments"));
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));

        assertThat(ConfigLoader.findConfigDir(root, Map.of("repro4j.configDir", "elsewhere"))).contains(elsewhere);
        assertThatThrownBy(() -> ConfigLoader.findConfigDir(root, Map.of("repro4j.configDir", "missing")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("repro4j.configDir")
                .hasMessageContaining(root.resolve("missing").toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void emptyFilesAreEmptyMappings(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("experiments"));
        Files.writeString(tmp.resolve("reproducibility.yaml"), "# nothing here\n");
        Files.writeString(tmp.resolve("experiments/empty.yaml"), "");
        ConfigLoader loader = loader(tmp);

        assertThat(loader.reproducibility().seed()).isEqualTo(42);
        assertThat(loader.experiment("empty", true).orElseThrow().data()).isEmpty();
    }

    @Test
    void projectConfigurationLoadsAndMatchesTheBuiltInDefaults() {
        // The tests run inside the repository, so this finds and validates the real config/reproducibility.yaml.
        Path configDir = ConfigLoader.findConfigDir(Path.of("").toAbsolutePath(), Map.of()).orElseThrow();
        ReproducibilityConfig config = new ConfigLoader(configDir, Map.of(), Map.of()).reproducibility();

        assertThat(config.source()).contains(configDir.resolve("reproducibility.yaml"));
        assertThat(config.toBuilder().source(null).build()).hasToString(ReproducibilityConfig.defaults().toString());
    }

    @Test
    void determinismLoadsThroughTheLoader() {
        assertThat(Determinism.loadReproducibilityConfig()).isNotNull();
    }
}
