package io.repro4j.harness;

import org.apiguardian.api.API;

/** The gradient-boosting libraries the choke point can build estimators for. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Library {
    /** XGBoost4J ({@code ml.dmlc:xgboost4j_2.12}). */
    XGBOOST("xgboost", "xgboost4j", "libxgboost4j"),
    /** LightGBM through its official SWIG binding ({@code com.microsoft.ml.lightgbm:lightgbmlib}). */
    LIGHTGBM("lightgbm", "lightgbmlib", "lib_lightgbm");

    private final String family;
    private final String versionKey;
    private final String nativePrefix;

    Library(String family, String versionKey, String nativePrefix) {
        this.family = family;
        this.versionKey = versionKey;
        this.nativePrefix = nativePrefix;
    }

    /** The key of this library's version in the environment fingerprint's {@code library_versions}. */
    public String versionKey() {
        return versionKey;
    }

    /** Whether {@code fileName} is one of this library's native shared objects, e.g. {@code libxgboost4j.so}. */
    public boolean ownsNativeLibrary(String fileName) {
        return fileName.startsWith(nativePrefix);
    }

    /** The library of a model family ({@code xgboost}, {@code lightgbm}), if it is one. */
    public static java.util.Optional<Library> ofFamily(String family) {
        for (Library l : values()) {
            if (l.family.equals(family)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }

    /** The model family name used in fingerprints, as the reference pipeline spells it (e.g. {@code xgboost}). */
    public String modelFamily() {
        return family;
    }
}
