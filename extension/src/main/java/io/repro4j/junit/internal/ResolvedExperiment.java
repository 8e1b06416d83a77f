package io.repro4j.junit.internal;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.ReproducibilityConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The experiment a test trains under and the reproducibility settings it implies, resolved the same way in the
 * parent (for the seed) and in the child (for the policy).
 *
 * @param name the experiment name
 * @param exists true when the experiment file exists
 * @param configDir the config directory, or {@code null} when there is none
 * @param config the effective reproducibility settings
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ResolvedExperiment(String name, boolean exists, Path configDir, ReproducibilityConfig config) {

    /**
     * Resolves experiment {@code name}.
     *
     * @param configDir the config directory to use, or {@code null} to discover it
     * @param mustExist true when a missing experiment is an error
     * @param sysProps the system properties (and {@code repro4j.*} configuration parameters) to apply
     */
    public static ResolvedExperiment resolve(String name, boolean mustExist, Path configDir, Map<String, String> env,
            Map<String, String> sysProps) {
        return new ResolvedExperiment(name, false, configDir, Determinism.loadReproducibilityConfig());
    }

    /** This JVM's system properties as a map of strings. */
    public static Map<String, String> systemProperties() {
        Map<String, String> out = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    /** The derived train seed for a target: {@code resolveSeed(seed, "training", target, 0, symbol, view, version)}. */
    public long trainSeed(String target, String symbol, String view) {
        return Determinism.resolveSeed(config.seed(), "training", target, 0, symbol, view, config.version());
    }
}
