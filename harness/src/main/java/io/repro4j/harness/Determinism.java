package io.repro4j.harness;

import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.estimator.EstimatorFactory;
import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.seed.SeedDerivation;
import io.repro4j.harness.strict.StrictGuard;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * The choke point: every model production code trains goes through {@link #createEstimator} (repro4j's
 * {@link Estimator}), {@link io.repro4j.harness.xgboost.DeterministicXGBoost} ({@code XGBoost.train} itself) or
 * {@link #nativeTraining} (any other code path), each of which applies the configured {@link Mode}'s policy (CPU, one
 * thread, derived seeds, deterministic flags) and records the call in the estimator ledger. Also the home of the
 * reference-compatible seed functions.
 *
 * <pre>{@code
 * long seed = Determinism.resolveSeed(42, "training", "fwd_ret_10m", 0, null, null, "v1");
 * try (Estimator model = Determinism.createEstimator(Library.XGBOOST,
 *         Map.of("max_depth", 4, "n_estimators", 50), seed, ProblemKind.REGRESSION)) {
 *     model.fit(train);
 *     double[] predictions = model.predict(test);
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Determinism {

    private static volatile ReproducibilityConfig config;

    private Determinism() {
    }

    /**
     * Builds an estimator with the policy of the configured mode applied: deterministic parameters override the
     * caller's; strict mode forces CPU and one thread. sklearn-style aliases ({@code n_estimators},
     * {@code random_state}, {@code n_jobs}, {@code learning_rate}, …) are mapped to the library's own names.
     *
     * @param library which library trains the model
     * @param params the caller's parameters; never modified
     * @param seed the seed to train with (normalised into {@code [1, 2^31 - 2]})
     * @param kind picks the objective when {@code params} names none
     * @throws io.repro4j.harness.strict.StrictEnvironmentException in strict mode (with
     *     {@code strict.require_env_vars: true}) when this JVM was not started in the strict environment: start it
     *     through {@code bin/run-deterministic}, {@code repro4j run} or a {@code @DeterministicTraining} test
     * @throws Repro4jException when strict mode is configured to fail on a GPU request, a parameter is invalid, or the
     *     library is not on the class path (naming the dependency to add)
     */
    public static Estimator createEstimator(Library library, Map<String, ?> params, long seed, ProblemKind kind) {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(kind, "kind");
        ReproducibilityConfig config = loadReproducibilityConfig();
        StrictGuard.ensure(config);
        return EstimatorFactory.create(library, params == null ? Map.of() : params, seed, kind, config);
    }

    /**
     * Starts a training that the caller's own code runs (raw {@code lightgbmlib}, a wrapper, a framework): applies the
     * configured mode's policy to {@code params} (the table of {@link #createEstimator}, without a problem kind: the
     * caller names the objective), records the call in the estimator ledger and returns the parameters to train with.
     * The caller records the trained model on the result ({@link NativeTraining#recordModel(byte[])}). For
     * {@link Library#LIGHTGBM} this also loads LightGBM's native libraries, which its binding cannot load itself, so
     * raw {@code lightgbmlib} calls work afterwards. For {@code XGBoost.train} itself use
     * {@link io.repro4j.harness.xgboost.DeterministicXGBoost}.
     *
     * @param library the library whose parameter names and policy apply
     * @param params the caller's parameters; never modified
     * @param seed the seed to train with (normalised into {@code [1, 2^31 - 2]})
     * @throws io.repro4j.harness.strict.StrictEnvironmentException in strict mode (with
     *     {@code strict.require_env_vars: true}) when this JVM was not started in the strict environment
     * @throws Repro4jException when the library is not on the class path (naming the dependency to add), strict mode
     *     is configured to fail on a GPU request, or a parameter is invalid
     */
    public static NativeTraining nativeTraining(Library library, Map<String, ?> params, long seed) {
        Objects.requireNonNull(library, "library");
        ReproducibilityConfig config = loadReproducibilityConfig();
        StrictGuard.ensure(config);
        Map<String, ?> requested = params == null ? Map.of() : params;
        return new NativeTraining(library, EstimatorFactory.startNative(LedgerEntry.EntryPoint.NATIVE_TRAINING,
                library, requested, requested, seed, config, EstimatorLedger.global()));
    }

    /**
     * The reference's {@code resolve_seed}: SHA-256 of {@code global_seed|phase|target|fold|symbol|view|version}
     * (absent values spelled {@code None}), first 8 hex digits, normalised.
     */
    public static long resolveSeed(Number globalSeed, String phase, String target, int fold, String symbol,
            String view, String version) {
        return SeedDerivation.resolve(globalSeed, phase, target, fold, symbol, view, version);
    }

    /** {@link #resolveSeed(Number, String, String, int, String, String, String)} with the configured global seed and version, fold 0. */
    public static long resolveSeed(String phase, String target, String symbol, String view) {
        ReproducibilityConfig c = loadReproducibilityConfig();
        return SeedDerivation.resolve(c.seed(), phase, target, 0, symbol, view, c.version());
    }

    /** The reference's {@code normalize_seed}: floor-mod {@code 2^31 - 1}, then 0 becomes 1. */
    public static long normalizeSeed(BigInteger seed) {
        return SeedDerivation.normalize(seed);
    }

    /** {@link #normalizeSeed(BigInteger)} for a {@code long}. */
    public static long normalizeSeed(long seed) {
        return SeedDerivation.normalize(BigInteger.valueOf(seed));
    }

    /** The reference's {@code stable_seed_from(parts)}: {@code "::"}-joined, first 12 hex digits, mod {@code 2^31 - 1}. */
    public static long stableSeedFrom(List<?> parts) {
        return SeedDerivation.stableSeedFrom(parts, SeedDerivation.MODULUS);
    }

    /** The reference's {@code stable_seed_from(parts, modulo)}. */
    public static long stableSeedFrom(List<?> parts, long modulo) {
        return SeedDerivation.stableSeedFrom(parts, modulo);
    }

    /**
     * Makes {@code seed} the source of every generator handed out by {@link #random(String)} and returns it
     * normalised. Java has no global generator to seed, so code asks for a named, derived one instead.
     */
    public static long seedAll(long seed) {
        return SeedDerivation.seedAll(seed);
    }

    /**
     * A generator for {@code component}, seeded with {@code stableSeedFrom([seed, component])} from the seed
     * last given to {@link #seedAll(long)} (or the configured global seed). The same component always gets the
     * same sequence; different components get independent ones.
     */
    public static Random random(String component) {
        return SeedDerivation.random(component, loadReproducibilityConfig().seed());
    }

    /** True when the configured mode is {@link Mode#STRICT}. */
    public static boolean isStrictMode() {
        return loadReproducibilityConfig().isStrict();
    }

    /**
     * The reference's {@code stable_sort}: in strict mode with {@code enforce_stable_ordering}, a sorted copy
     * (natural order, or by {@code toString()} for elements that are not mutually comparable); otherwise the
     * elements in their given order.
     */
    public static <T> List<T> stableSort(Collection<T> items) {
        List<T> copy = new ArrayList<>(items);
        ReproducibilityConfig c = loadReproducibilityConfig();
        if (!(c.isStrict() && c.enforceStableOrdering())) {
            return copy;
        }
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<T> natural = (Comparator) Comparator.naturalOrder();
            copy.sort(natural);
        } catch (ClassCastException | NullPointerException notComparable) {
            copy.sort(Comparator.comparing(String::valueOf));
        }
        return copy;
    }

    /** {@link #stableSort(Collection)} with an explicit order. */
    public static <T> List<T> stableSort(Collection<T> items, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(items);
        ReproducibilityConfig c = loadReproducibilityConfig();
        if (c.isStrict() && c.enforceStableOrdering()) {
            copy.sort(order);
        }
        return copy;
    }

    /**
     * The effective configuration: loaded once per JVM from {@code config/reproducibility.yaml} (see
     * {@link ReproducibilityConfig} for precedence) and cached.
     *
     * @throws io.repro4j.harness.config.ConfigException when a file is malformed or has unknown keys or wrong types
     */
    public static ReproducibilityConfig loadReproducibilityConfig() {
        ReproducibilityConfig c = config;
        if (c == null) {
            synchronized (Determinism.class) {
                c = config;
                if (c == null) {
                    c = ConfigLoader.fromEnvironment().reproducibility();
                    config = c;
                }
            }
        }
        return c;
    }

    /**
     * Replaces the cached configuration (e.g. with one that includes an experiment's overrides); {@code null} makes
     * the next call load it again. Internal: the JUnit extension and the CLI call it before any training starts.
     */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static void useConfiguration(ReproducibilityConfig value) {
        // Under the load's lock: a load already in progress must not overwrite this value when it finishes.
        synchronized (Determinism.class) {
            config = value;
        }
    }
}
