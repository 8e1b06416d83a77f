package io.repro4j.harness.config;

import io.repro4j.harness.ReproducibilityConfig;
import org.apiguardian.api.API;

/** Loads {@code config/reproducibility.yaml} and experiment files with precedence applied. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ConfigLoader {

    /** A loader reading the real environment, system properties and the discovered config directory. */
    public static ConfigLoader fromEnvironment() {
        return new ConfigLoader();
    }

    /** The reproducibility settings without an experiment's overrides. */
    public ReproducibilityConfig reproducibility() {
        return ReproducibilityConfig.defaults();
    }
}
