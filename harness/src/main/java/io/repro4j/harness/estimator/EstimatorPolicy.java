package io.repro4j.harness.estimator;

import io.repro4j.harness.Library;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.seed.SeedDerivation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The choke point's policy: which parameters a library is given for a mode. Pure: no native code, no I/O.
 *
 * <table>
 * <caption>What the policy forces</caption>
 * <tr><th>library</th><th>both modes</th><th>strict only</th></tr>
 * <tr><td>XGBoost</td><td>{@code seed}, {@code seed_per_iteration=true}</td>
 *     <td>{@code device=cpu}, {@code tree_method=hist}, {@code nthread=1}; {@code gpu_id} removed</td></tr>
 * <tr><td>LightGBM</td><td>{@code seed}, {@code deterministic=true}, {@code force_row_wise=true}, the three derived
 *     seeds, {@code verbosity=-1}</td><td>{@code device_type=cpu}, {@code num_threads=1}</td></tr>
 * </table>
 *
 * <p>Deterministic parameters override the caller's; every change is a {@link Rewrite}. Strict mode's CPU rules apply
 * when {@code strict.disable_gpu_tree_models} is on, its one-thread rule when {@code strict.force_single_thread} is on
 * (both default on). In best-effort mode threads and devices pass through, except that a negative thread count (sklearn's
 * {@code n_jobs=-1}, "all cores") is dropped: the libraries' default already uses every core, and a machine-dependent
 * core count would otherwise leak into the hyper-parameter signature.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EstimatorPolicy {

    /** Rounds when the caller names none (sklearn's {@code n_estimators} default, LightGBM's own default). */
    public static final int DEFAULT_ROUNDS = 100;

    /** The number of distributed workers, as XGBoost4J-Spark names it. */
    public static final String WORKERS_KEY = "num_workers";
    /** XGBoost4J-Spark's switch that redistributes the training set into {@code num_workers} partitions. */
    public static final String FORCE_REPARTITION_KEY = "force_repartition";

    private static final String CPU_REASON = "strict mode trains on CPU";
    private static final String THREAD_REASON = "strict mode trains with one thread";
    private static final Set<String> XGBOOST_REGRESSION_NAMES = Set.of("regression", "regression_l2", "l2",
            "mean_squared_error", "mse", "l2_root", "root_mean_squared_error", "rmse");

    private EstimatorPolicy() {
    }

    /**
     * The parameters to give {@code library}.
     *
     * @param requested the caller's parameters (any alias); {@code null} values count as not set
     * @param seed the train seed; normalised into {@code [1, 2^31 - 2]}
     * @param kind picks the objective and a default round count when the caller names none; {@code null} on the
     *     native path, where the caller's own code names the objective and runs the rounds
     * @throws Repro4jException on conflicting aliases, an invalid round or thread count, or a GPU request in strict
     *     mode with {@code strict.on_gpu_request: fail}
     */
    public static PolicyResult apply(Library library, Map<String, ?> requested, long seed, ProblemKind kind,
            ReproducibilityConfig config) {
        return apply(library, requested, seed, kind, null, config);
    }

    /**
     * The parameters to give {@code library} for a training spread over {@code numWorkers} workers (XGBoost4J-Spark):
     * the table above, plus {@code num_workers} (the argument overrides the caller's: the model depends on it, so it is
     * part of the hyper-parameter signature) and {@code force_repartition=false} (the training set keeps the layout the
     * caller gave it, e.g. a canonical one, instead of being redistributed by partition order), in both modes.
     *
     * @param numWorkers the number of distributed workers, at least 1; {@code null} for a training in this JVM
     * @throws Repro4jException as {@link #apply(Library, Map, long, ProblemKind, ReproducibilityConfig)}, and when
     *     {@code numWorkers} is given for LightGBM or is smaller than 1
     */
    public static PolicyResult apply(Library library, Map<String, ?> requested, long seed, ProblemKind kind,
            Integer numWorkers, ReproducibilityConfig config) {
        if (numWorkers != null && (library != Library.XGBOOST || numWorkers < 1)) {
            throw new Repro4jException(library != Library.XGBOOST
                    ? "a distributed training (numWorkers = " + numWorkers + ") is supported for XGBoost only"
                    : "numWorkers = " + numWorkers + " must be at least 1");
        }
        boolean strict = config.mode() == Mode.STRICT;
        boolean cpuOnly = strict && config.disableGpuTreeModels();
        if (cpuOnly && config.gpuRequestPolicy() == ReproducibilityConfig.GpuRequestPolicy.FAIL) {
            failOnGpuRequest(requested);
        }
        ParamAliases.Mapped mapped = ParamAliases.map(library, requested);
        Map<String, Object> params = new LinkedHashMap<>(mapped.params());
        List<Rewrite> rewrites = new ArrayList<>(mapped.rewrites());
        Changes changes = new Changes(params, rewrites);

        String roundsKey = ParamAliases.roundsKey(library);
        int rounds;
        if (params.containsKey(roundsKey)) {
            rounds = positiveInt(roundsKey, params.get(roundsKey), mapped.originalKeys().get(roundsKey));
            changes.setQuietly(roundsKey, rounds);
        } else if (kind != null) {
            rounds = DEFAULT_ROUNDS;
            changes.set(roundsKey, rounds, "no round count given; " + DEFAULT_ROUNDS + " boosting rounds", false);
        } else {
            rounds = 0; // the native path: the caller's own code decides how many rounds it runs
        }
        objective(library, kind, changes);

        int normalised = (int) normalizeSeed(seed);
        changes.set("seed", normalised, "the train seed (normalised) overrides the caller's", false);
        String threadsKey = ParamAliases.threadsKey(library);
        if (library == Library.XGBOOST) {
            changes.set("seed_per_iteration", true, "seeds each boosting round from the seed", false);
            if (numWorkers != null) {
                Object asked = params.get(WORKERS_KEY);
                changes.set(WORKERS_KEY, numWorkers, "the numWorkers argument: the model depends on the number of"
                        + " workers", asked != null && !ParamAliases.sameValue(asked, numWorkers));
                Object repartition = params.get(FORCE_REPARTITION_KEY);
                changes.set(FORCE_REPARTITION_KEY, false, "the training set keeps the caller's (canonical) layout:"
                        + " a forced repartition distributes rows by partition order", repartition != null
                        && Boolean.parseBoolean(String.valueOf(repartition)));
            }
            if (strict) {
                if (cpuOnly) {
                    changes.setCpu("device", "cpu");
                    changes.removeGpu("gpu_id");
                    changes.removeGpu("gpu_platform_id");
                    if (isGpuRequest("predictor", params.get("predictor"))) {
                        changes.remove("predictor", CPU_REASON, true);
                    }
                }
                Object method = params.get("tree_method");
                changes.set("tree_method", "hist", "strict mode uses the deterministic CPU histogram method",
                        isGpuRequest("tree_method", method));
            } else if (isGpuRequest("device", params.get("device")) && !GpuVisibility.visible()) {
                // XGBoost falls back to CPU with only a log line; best effort keeps the value but records the fact.
                rewrites.add(new Rewrite("device", params.get("device"), params.get("device"),
                        "no GPU is visible to this process: XGBoost will silently train on CPU", true));
            }
        } else {
            changes.set("deterministic", true, "LightGBM's deterministic mode", false);
            changes.set("force_row_wise", true, "row-wise histograms do not depend on a timing-based choice", false);
            if (params.containsKey("force_col_wise")) {
                changes.remove("force_col_wise", "contradicts force_row_wise=true", false);
            }
            changes.set("feature_fraction_seed", (int) normalizeSeed((long) normalised + 1),
                    "derived from the train seed (seed + 1)", false);
            changes.set("bagging_seed", (int) normalizeSeed((long) normalised + 2),
                    "derived from the train seed (seed + 2)", false);
            changes.set("data_random_seed", (int) normalizeSeed((long) normalised + 3),
                    "derived from the train seed (seed + 3)", false);
            changes.set("verbosity", -1, "keeps LightGBM's native log output quiet", false);
            if (cpuOnly) {
                changes.setCpu("device_type", "cpu");
                changes.removeGpu("gpu_device_id");
                changes.removeGpu("gpu_platform_id");
            }
        }
        if (strict && config.forceSingleThread()) {
            Object threads = params.get(threadsKey);
            changes.set(threadsKey, 1, THREAD_REASON, threads != null);
        } else if (params.containsKey(threadsKey)) {
            long threads = integer(threadsKey, params.get(threadsKey), mapped.originalKeys().get(threadsKey));
            if (threads < 0) {
                changes.remove(threadsKey, "a negative thread count means all cores, which is the library's default",
                        false);
            } else {
                changes.setQuietly(threadsKey, (int) threads);
            }
        }
        return new PolicyResult(Collections.unmodifiableMap(new TreeMap<>(params)), List.copyOf(rewrites), rounds);
    }

    /** True when {@code key=value} asks for a GPU, under any library's name for the parameter. */
    public static boolean isGpuRequest(String key, Object value) {
        if (value == null) {
            return false;
        }
        String concept = ParamAliases.nativeName(Library.XGBOOST, key);
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        switch (concept) {
            case "device":
                return text.startsWith("cuda") || text.startsWith("gpu");
            case "gpu_id":
            case "gpu_platform_id":
                return true;
            case "tree_method":
            case "predictor":
                return text.startsWith("gpu");
            default:
                return false;
        }
    }

    private static void failOnGpuRequest(Map<String, ?> requested) {
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(requested).entrySet()) {
            if (isGpuRequest(e.getKey(), e.getValue())) {
                throw new Repro4jException("strict mode does not train on a GPU, but parameter " + e.getKey() + "="
                        + e.getValue() + " asks for one and strict.on_gpu_request is 'fail'; remove " + e.getKey()
                        + ", or set strict.on_gpu_request: rewrite in config/reproducibility.yaml to train on CPU instead");
            }
        }
    }

    private static void objective(Library library, ProblemKind kind, Changes changes) {
        Object given = changes.params.get("objective");
        if (given == null && kind == null) {
            return; // the native path: the library's own default, as the caller's code would get it
        }
        if (given == null) {
            String value = library == Library.XGBOOST
                    ? (kind == ProblemKind.REGRESSION ? "reg:squarederror" : "binary:logistic")
                    : (kind == ProblemKind.REGRESSION ? "regression" : "binary");
            changes.set("objective", value, "no objective given; the default for " + kind, false);
            return;
        }
        String text = given.toString();
        String translated = text;
        if (library == Library.XGBOOST) {
            if (XGBOOST_REGRESSION_NAMES.contains(text)) {
                translated = "reg:squarederror";
            } else if (text.equals("binary")) {
                translated = "binary:logistic";
            }
        } else if (text.equals("reg:squarederror")) {
            translated = "regression";
        } else if (text.equals("binary:logistic")) {
            translated = "binary";
        }
        if (!translated.equals(text)) {
            changes.set("objective", translated, "the other library's name for this objective", false);
        }
    }

    /** {@code seed} floor-mod {@code 2^31 - 1}, 0 becomes 1 (the reference's {@code normalize_seed}). */
    static long normalizeSeed(long seed) {
        return SeedDerivation.normalize(BigInteger.valueOf(seed));
    }

    private static int positiveInt(String key, Object value, String callerKey) {
        long n = integer(key, value, callerKey);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new Repro4jException("parameter " + callerKey + "=" + value + " must be a whole number of rounds"
                    + " from 1 to " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    private static long integer(String key, Object value, String callerKey) {
        String name = callerKey == null ? key : callerKey;
        try {
            BigDecimal d = value instanceof Number || value instanceof String
                    ? new BigDecimal(value.toString().trim()) : null;
            if (d != null) {
                BigInteger exact = d.toBigIntegerExact();
                return exact.longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException notAWholeNumber) {
            // reported below
        }
        throw new Repro4jException("parameter " + name + "=" + value + " must be a whole number");
    }

    /**
     * What the policy decided.
     *
     * @param effectiveParams the parameters the library is given, sorted by name (includes the round count)
     * @param rewrites every change from the caller's parameters, in the order the policy made them
     * @param rounds the number of boosting rounds; 0 on the native path when the parameters name none
     */
    public record PolicyResult(Map<String, Object> effectiveParams, List<Rewrite> rewrites, int rounds) {

        /** The normalised seed the library is given. */
        public long seed() {
            return ((Number) effectiveParams.get("seed")).longValue();
        }
    }

    /** Applies changes to the parameters and records each one. */
    private static final class Changes {
        final Map<String, Object> params;
        final List<Rewrite> rewrites;

        Changes(Map<String, Object> params, List<Rewrite> rewrites) {
            this.params = params;
            this.rewrites = rewrites;
        }

        void set(String key, Object value, String reason, boolean warning) {
            Object before = params.get(key);
            params.put(key, value);
            if (before == null || !ParamAliases.sameValue(before, value)) {
                rewrites.add(new Rewrite(key, before, value, reason, warning));
            }
        }

        /** Normalises the value's type without recording a change of value. */
        void setQuietly(String key, Object value) {
            params.put(key, value);
        }

        void setCpu(String key, String value) {
            Object before = params.get(key);
            set(key, value, CPU_REASON, isGpuRequest(key, before) || before != null);
        }

        void removeGpu(String key) {
            if (params.containsKey(key)) {
                remove(key, CPU_REASON, true);
            }
        }

        void remove(String key, String reason, boolean warning) {
            Object before = params.remove(key);
            rewrites.add(new Rewrite(key, before, null, reason, warning));
        }
    }
}
