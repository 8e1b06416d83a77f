package io.repro4j.harness;

import org.apiguardian.api.API;

/** The gradient-boosting libraries the choke point can build estimators for. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Library {
    /** XGBoost4J ({@code ml.dmlc:xgboost4j_2.12}). */
    XGBOOST("xgboost"),
    /** LightGBM through its official SWIG binding ({@code com.microsoft.ml.lightgbm:lightgbmlib}). */
    LIGHTGBM("lightgbm");

    private final String family;

    Library(String family) {
        this.family = family;
    }

    /** The model family name used in fingerprints, as the reference pipeline spells it (e.g. {@code xgboost}). */
    public String modelFamily() {
        return family;
    }
}
