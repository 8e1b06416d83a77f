package io.repro4j.junit.internal;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.ReproducibilityConfig.GpuRequestPolicy;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The reproducibility settings the parent resolved for a test, handed to its children so that a child need not read
 * the YAML files (and load SnakeYAML) again before its strict check. The parent builds each child's environment and
 * system properties from these very values, so resolving them again in the child gave the same settings.
 *
 * @param mode {@code reproducibility.mode}
 * @param seed the global seed
 * @param version the seed-derivation version
 * @param requireEnvVars {@code strict.require_env_vars}
 * @param disableGpuTreeModels {@code strict.disable_gpu_tree_models}
 * @param forceSingleThread {@code strict.force_single_thread}
 * @param enforceStableOrdering {@code strict.enforce_stable_ordering}
 * @param gpuRequestPolicy {@code strict.on_gpu_request}
 * @param source the YAML file the settings came from, or {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ChildConfig(Mode mode, long seed, String version, boolean requireEnvVars, boolean disableGpuTreeModels,
        boolean forceSingleThread, boolean enforceStableOrdering, GpuRequestPolicy gpuRequestPolicy, String source) {

    /** The values of {@code config}. */
    public static ChildConfig of(ReproducibilityConfig config) {
        return new ChildConfig(config.mode(), config.seed(), config.version(), config.requireEnvVars(),
                config.disableGpuTreeModels(), config.forceSingleThread(), config.enforceStableOrdering(),
                config.gpuRequestPolicy(), config.source().map(Path::toString).orElse(null));
    }

    /** The settings as the harness takes them. */
    public ReproducibilityConfig toConfig() {
        return ReproducibilityConfig.builder().mode(mode).seed(seed).version(version).requireEnvVars(requireEnvVars)
                .disableGpuTreeModels(disableGpuTreeModels).forceSingleThread(forceSingleThread)
                .enforceStableOrdering(enforceStableOrdering).gpuRequestPolicy(gpuRequestPolicy)
                .source(source == null ? null : Path.of(source)).build();
    }
}
