package io.repro4j.junit.internal;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The experiment a test trains under and the reproducibility settings it implies, resolved the same way in the
 * parent (for the seed) and in the child (for the policy).
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
     * nearest {@code config/} walking up from the working directory.
     *
     * @param mustExist true when a missing experiment is an error
     * @param sysProps the system properties (and {@code repro4j.*} configuration parameters) to apply
     * @throws io.repro4j.harness.config.ConfigException when the config is invalid or a required experiment is missing
     */
    public static ResolvedExperiment discover(String name, boolean mustExist, Map<String, String> env,
            Map<String, String> sysProps) {
        Path dir = ConfigLoader.findConfigDir(Path.of("").toAbsolutePath(), sysProps).orElse(null);
        return resolve(name, mustExist, dir, env, sysProps);
    }

    /**
     * Resolves experiment {@code name} in exactly {@code configDir} (a child uses what its parent found, whatever its
     * working directory).
     */
    public static ResolvedExperiment resolve(String name, boolean mustExist, Path configDir, Map<String, String> env,
            Map<String, String> sysProps) {
        ConfigLoader loader = new ConfigLoader(configDir, env, sysProps);
        Optional<ExperimentConfig> experiment = loader.experiment(name, mustExist);
        return new ResolvedExperiment(name, experiment.isPresent(), loader.configDir().orElse(null),
                loader.reproducibility(experiment.orElse(null)));
    }

    /** This JVM's system properties as a map of strings. */
    public static Map<String, String> systemProperties() {
        Map<String, String> out = new HashMap<>();
        System.getProperties().forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    /** The derived train seed: {@code resolveSeed(seed, "training", target, 0, symbol, view, version)}. */
    public long trainSeed(String target, String symbol, String view) {
        return Determinism.resolveSeed(config.seed(), "training", target, 0, symbol, view, config.version());
    }
}
