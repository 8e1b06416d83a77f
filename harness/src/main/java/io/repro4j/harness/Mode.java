package io.repro4j.harness;

import org.apiguardian.api.API;

/** How hard the choke point pushes towards bitwise reproducibility. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Mode {
    /** CPU only, one thread, derived seeds, deterministic flags; the strict environment is checked. */
    STRICT,
    /** Seeds and deterministic flags only; threads and devices are left to the caller. */
    BEST_EFFORT;

    /** The spelling used in YAML and in {@code REPRO_MODE}: {@code strict} or {@code best_effort}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
