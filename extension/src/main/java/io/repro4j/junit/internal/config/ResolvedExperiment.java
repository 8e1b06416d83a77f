package io.repro4j.junit.internal.config;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.config.ExperimentConfig;
import io.repro4j.harness.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The experiment a test trains under and the reproducibility settings it implies, resolved once in the test JVM; the
 * children are given the result (they never read the YAML files themselves).
 *
 * @param name the experiment name
 * @param exists true when the experiment file exists
 * @param configDir the config directory, or {@code null} when there is none (built-in defaults)
 * @param config the effective reproducibility settings
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ResolvedExperiment(String name, boolean exists, Path configDir, ReproducibilityConfig config) {

    /**
     * Resolves experiment {@code name} in the test JVM: the config directory is {@code repro4j.configDir} or the
     * nearest {@code config/} walking up from the working directory; the reproducibility settings may also come from
     * JUnit configuration parameters, which count as system properties.
     *
     * @param mustExist true when a missing experiment is an error
     * @param parameters the configuration-parameter lookup of the test
     * @throws io.repro4j.harness.config.ConfigException when the config is invalid or a required experiment is missing
     */
    public static ResolvedExperiment discover(String name, boolean mustExist,
            Function<String, Optional<String>> parameters, Map<String, String> env) {
        Map<String, String> sysProps = ConfigLoader.currentSystemProperties();
        for (Setting setting : Setting.values()) {
            parameters.apply(setting.systemProperty()).ifPresent(v -> sysProps.put(setting.systemProperty(), v));
        }
        parameters.apply(ConfigLoader.CONFIG_DIR_PROPERTY).ifPresent(v -> sysProps.put(ConfigLoader.CONFIG_DIR_PROPERTY, v));
        Path dir = ConfigLoader.findConfigDir(Path.of("").toAbsolutePath(), sysProps).orElse(null);
        ConfigLoader loader = new ConfigLoader(dir, env, sysProps);
        Optional<ExperimentConfig> experiment = loader.experiment(name, mustExist);
        return new ResolvedExperiment(name, experiment.isPresent(), loader.configDir().orElse(null),
                loader.reproducibility(experiment.orElse(null)));
    }

    /** The derived train seed: {@code resolveSeed(seed, "training", target, 0, symbol, view, version)}. */
    public long trainSeed(String target, String symbol, String view) {
        return Determinism.resolveSeed(config.seed(), "training", target, 0, symbol, view, config.version());
    }
}
