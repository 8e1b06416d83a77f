package io.repro4j.harness;

import org.apiguardian.api.API;

/** How training data is routed: pooled across symbols, or one model per symbol. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum View {
    /** One model pooled across all symbols. */
    CROSS_SECTIONAL,
    /** One model per symbol; snapshots live under {@code SYMBOL_SPECIFIC/symbol=<SYM>/}. */
    SYMBOL_SPECIFIC
}
