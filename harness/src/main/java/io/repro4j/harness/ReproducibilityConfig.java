package io.repro4j.harness;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The effective reproducibility settings after precedence was applied: environment ({@code REPRO_MODE},
 * {@code REPRO_SEED}, {@code REPRO_VERSION}) over system properties {@code repro4j.*} over the experiment
 * file over {@code config/reproducibility.yaml} over built-in defaults (strict, seed 42, version v1).
 *
 * <p>Obtain it from {@link Determinism#loadReproducibilityConfig()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ReproducibilityConfig {

    /** What strict mode does with a GPU request ({@code device=cuda}, {@code gpu_id}, {@code tree_method=gpu_hist}, …). */
    public enum GpuRequestPolicy {
        /** Rewrite the request to CPU and record the rewrite with a warning. */
        REWRITE,
        /** Fail the {@code createEstimator} call. */
        FAIL
    }

    private final Mode mode;
    private final long seed;
    private final String version;
    private final boolean requireEnvVars;
    private final boolean disableGpuTreeModels;
    private final boolean forceSingleThread;
    private final boolean enforceStableOrdering;
    private final GpuRequestPolicy gpuRequestPolicy;
    private final Path source;

    private ReproducibilityConfig(Builder b) {
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.seed = b.seed;
        this.version = Objects.requireNonNull(b.version, "version");
        this.requireEnvVars = b.requireEnvVars;
        this.disableGpuTreeModels = b.disableGpuTreeModels;
        this.forceSingleThread = b.forceSingleThread;
        this.enforceStableOrdering = b.enforceStableOrdering;
        this.gpuRequestPolicy = Objects.requireNonNull(b.gpuRequestPolicy, "gpuRequestPolicy");
        this.source = b.source;
    }

    /** Built-in defaults: strict, seed 42, version v1, every strict check on, GPU requests rewritten. */
    public static ReproducibilityConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the built-in defaults (see {@link #defaults()}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.seed = seed;
        b.version = version;
        b.requireEnvVars = requireEnvVars;
        b.disableGpuTreeModels = disableGpuTreeModels;
        b.forceSingleThread = forceSingleThread;
        b.enforceStableOrdering = enforceStableOrdering;
        b.gpuRequestPolicy = gpuRequestPolicy;
        b.source = source;
        return b;
    }

    /** {@code reproducibility.mode}. */
    public Mode mode() {
        return mode;
    }

    /** {@code reproducibility.seed}: the global seed every derived seed starts from. */
    public long seed() {
        return seed;
    }

    /** {@code reproducibility.version}: the seed-derivation version, {@code v1}. */
    public String version() {
        return version;
    }

    /** {@code strict.require_env_vars}: strict mode refuses to run without the strict environment variables. */
    public boolean requireEnvVars() {
        return requireEnvVars;
    }

    /** {@code strict.disable_gpu_tree_models}: strict mode never lets a tree model run on a GPU. */
    public boolean disableGpuTreeModels() {
        return disableGpuTreeModels;
    }

    /** {@code strict.force_single_thread}: strict mode pins every estimator to one thread. */
    public boolean forceSingleThread() {
        return forceSingleThread;
    }

    /** {@code strict.enforce_stable_ordering}: {@link Determinism#stableSort} sorts in strict mode. */
    public boolean enforceStableOrdering() {
        return enforceStableOrdering;
    }

    /** {@code strict.on_gpu_request}: rewrite (default) or fail. */
    public GpuRequestPolicy gpuRequestPolicy() {
        return gpuRequestPolicy;
    }

    /** The YAML file these settings came from, if any. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** True when {@link #mode()} is {@link Mode#STRICT}. */
    public boolean isStrict() {
        return mode == Mode.STRICT;
    }

    @Override
    public String toString() {
        return "ReproducibilityConfig{mode=" + mode.configName() + ", seed=" + seed + ", version=" + version
                + ", require_env_vars=" + requireEnvVars + ", disable_gpu_tree_models=" + disableGpuTreeModels
                + ", force_single_thread=" + forceSingleThread + ", enforce_stable_ordering=" + enforceStableOrdering
                + ", on_gpu_request=" + gpuRequestPolicy.name().toLowerCase(java.util.Locale.ROOT)
                + (source == null ? "" : ", source=" + source) + "}";
    }

    /** Builds a {@link ReproducibilityConfig}; unset values keep the built-in defaults. */
    public static final class Builder {
        private Mode mode = Mode.STRICT;
        private long seed = 42;
        private String version = "v1";
        private boolean requireEnvVars = true;
        private boolean disableGpuTreeModels = true;
        private boolean forceSingleThread = true;
        private boolean enforceStableOrdering = true;
        private GpuRequestPolicy gpuRequestPolicy = GpuRequestPolicy.REWRITE;
        private Path source;

        private Builder() {
        }

        /** Sets {@code reproducibility.mode}. */
        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        /** Sets {@code reproducibility.seed}, the global seed. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Sets {@code reproducibility.version}, the seed-derivation version (e.g. {@code v1}). */
        public Builder version(String value) {
            this.version = value;
            return this;
        }

        /** Sets {@code strict.require_env_vars}. */
        public Builder requireEnvVars(boolean value) {
            this.requireEnvVars = value;
            return this;
        }

        /** Sets {@code strict.disable_gpu_tree_models}. */
        public Builder disableGpuTreeModels(boolean value) {
            this.disableGpuTreeModels = value;
            return this;
        }

        /** Sets {@code strict.force_single_thread}. */
        public Builder forceSingleThread(boolean value) {
            this.forceSingleThread = value;
            return this;
        }

        /** Sets {@code strict.enforce_stable_ordering}. */
        public Builder enforceStableOrdering(boolean value) {
            this.enforceStableOrdering = value;
            return this;
        }

        /** Sets {@code strict.on_gpu_request}: {@link GpuRequestPolicy#REWRITE} or {@link GpuRequestPolicy#FAIL}. */
        public Builder gpuRequestPolicy(GpuRequestPolicy value) {
            this.gpuRequestPolicy = value;
            return this;
        }

        /** Records the YAML file the settings came from, for messages; {@code null} when none. */
        public Builder source(Path value) {
            this.source = value;
            return this;
        }

        /** The configuration with every value set so far. */
        public ReproducibilityConfig build() {
            return new ReproducibilityConfig(this);
        }
    }
}
