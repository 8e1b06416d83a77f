package io.repro4j.harness.estimator;

import io.repro4j.harness.Library;
import io.repro4j.harness.Repro4jException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Maps sklearn-style names ({@code n_estimators}, {@code random_state}, {@code n_jobs}, …), each library's documented
 * aliases and the other library's names to one library's native parameter names, so one parameter map ports between
 * XGBoost and LightGBM.
 *
 * <p>Keys that have no counterpart in the target library (e.g. LightGBM's {@code bagging_freq} given to XGBoost) are
 * dropped rather than passed on, because both libraries would only print a native warning about them; the drop is
 * recorded. Unknown keys pass through unchanged. Two keys that land on the same native name with different values are
 * an error naming both.
 *
 * <p>LightGBM's own {@code alpha} is the Huber/quantile parameter, not L1 regularisation, so for LightGBM
 * {@code alpha} stays {@code alpha}; only XGBoost reads {@code alpha} as L1 ({@code lambda_l1}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParamAliases {

    /** The number of boosting rounds, as XGBoost names it ({@code xgb.train(num_boost_round=…)} is not a booster parameter). */
    public static final String XGBOOST_ROUNDS = "num_round";
    /** The number of boosting rounds, as LightGBM names it. */
    public static final String LIGHTGBM_ROUNDS = "num_iterations";

    private static final List<String> ROUND_ALIASES = List.of("n_estimators", "num_boost_round", "num_round",
            "num_iterations", "num_iteration", "n_iter", "num_trees", "num_tree", "num_rounds", "nrounds", "max_iter",
            "numRound");
    private static final List<String> SEED_ALIASES = List.of("seed", "random_state", "random_seed");
    private static final List<String> THREAD_ALIASES = List.of("n_jobs", "nthread", "nthreads", "num_threads",
            "num_thread", "n_threads");

    private static final Map<String, String> XGBOOST = new HashMap<>();
    private static final Map<String, String> LIGHTGBM = new HashMap<>();
    private static final Set<String> XGBOOST_DROPPED = Set.of("min_data_in_leaf", "min_child_samples",
            "min_data_per_leaf", "min_data", "bagging_freq", "subsample_freq", "deterministic", "force_row_wise",
            "force_col_wise", "feature_fraction_seed", "bagging_seed", "data_random_seed", "data_seed",
            "bagging_fraction_seed");
    private static final Set<String> LIGHTGBM_DROPPED = Set.of("tree_method", "seed_per_iteration", "predictor");

    static {
        for (String a : ROUND_ALIASES) {
            XGBOOST.put(a, XGBOOST_ROUNDS);
            LIGHTGBM.put(a, LIGHTGBM_ROUNDS);
        }
        for (String a : SEED_ALIASES) {
            XGBOOST.put(a, "seed");
            LIGHTGBM.put(a, "seed");
        }
        for (String a : THREAD_ALIASES) {
            XGBOOST.put(a, "nthread");
            LIGHTGBM.put(a, "num_threads");
        }
        both("eta", "learning_rate", "eta", "learning_rate", "shrinkage_rate");
        both("max_depth", "max_depth", "max_depth");
        both("subsample", "bagging_fraction", "subsample", "bagging_fraction", "sub_row", "bagging");
        both("colsample_bytree", "feature_fraction", "colsample_bytree", "feature_fraction", "sub_feature");
        both("alpha", "lambda_l1", "reg_alpha", "lambda_l1", "l1_regularization");
        XGBOOST.put("alpha", "alpha");
        both("lambda", "lambda_l2", "reg_lambda", "lambda", "lambda_l2", "l2_regularization");
        both("min_child_weight", "min_sum_hessian_in_leaf", "min_child_weight", "min_sum_hessian_in_leaf",
                "min_sum_hessian", "min_hessian", "min_sum_hessian_per_leaf");
        both(null, "min_data_in_leaf", "min_child_samples", "min_data_in_leaf", "min_data_per_leaf", "min_data");
        both("max_leaves", "num_leaves", "num_leaves", "num_leaf", "max_leaves", "max_leaf", "max_leaf_nodes");
        both(null, "bagging_freq", "bagging_freq", "subsample_freq");
        both("device", "device_type", "device", "device_type");
        both("gpu_id", "gpu_device_id", "gpu_id", "gpu_device_id");
        both("objective", "objective", "objective", "objective_type", "app", "application", "loss");
        both(null, "data_random_seed", "data_random_seed", "data_seed");
        both(null, "feature_fraction_seed", "feature_fraction_seed");
        both(null, "bagging_seed", "bagging_seed", "bagging_fraction_seed");
        both(null, "verbosity", "verbosity", "verbose");
        // XGBoost4J-Spark's camel-case names of its distributed settings.
        XGBOOST.put("numWorkers", EstimatorPolicy.WORKERS_KEY);
        XGBOOST.put("forceRepartition", EstimatorPolicy.FORCE_REPARTITION_KEY);
    }

    private ParamAliases() {
    }

    private static void both(String xgboost, String lightgbm, String... aliases) {
        for (String a : aliases) {
            if (xgboost != null) {
                XGBOOST.put(a, xgboost);
            }
            LIGHTGBM.put(a, lightgbm);
        }
    }

    /** The native name of the number of boosting rounds for {@code library}. */
    public static String roundsKey(Library library) {
        return library == Library.XGBOOST ? XGBOOST_ROUNDS : LIGHTGBM_ROUNDS;
    }

    /** The native names of the thread count of every library ({@code nthread}, {@code num_threads}), as ledgers hold them. */
    public static List<String> threadParameters() {
        return java.util.Arrays.stream(Library.values()).map(ParamAliases::threadsKey).toList();
    }

    /** The native name of the thread count for {@code library}. */
    public static String threadsKey(Library library) {
        return library == Library.XGBOOST ? "nthread" : "num_threads";
    }

    /** The native name {@code key} maps to for {@code library}, or {@code key} itself when it is not an alias. */
    public static String nativeName(Library library, String key) {
        return (library == Library.XGBOOST ? XGBOOST : LIGHTGBM).getOrDefault(key, key);
    }

    /**
     * Maps {@code requested} to native names; {@code null} values count as not set.
     *
     * @return the mapped parameters (caller's insertion order is irrelevant: keys are visited in sorted order so the
     *     result and its rewrites never depend on the map's iteration order) and one rewrite per renamed or dropped key
     * @throws Repro4jException when two keys land on the same native name with different values
     */
    public static Mapped map(Library library, Map<String, ?> requested) {
        Map<String, String> table = library == Library.XGBOOST ? XGBOOST : LIGHTGBM;
        Set<String> dropped = library == Library.XGBOOST ? XGBOOST_DROPPED : LIGHTGBM_DROPPED;
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> origin = new HashMap<>();
        List<Rewrite> rewrites = new ArrayList<>();
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(requested).entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (value == null) {
                continue;
            }
            if (dropped.contains(key)) {
                rewrites.add(new Rewrite(key, value, null, key + " has no " + libraryName(library)
                        + " counterpart; dropped so the library does not warn about an unknown parameter",
                        EstimatorPolicy.isGpuRequest(key, value)));
                continue;
            }
            String nativeKey = table.getOrDefault(key, key);
            String previous = origin.get(nativeKey);
            if (previous != null) {
                Object previousValue = out.get(nativeKey);
                if (!sameValue(previousValue, value)) {
                    throw new Repro4jException("parameters " + previous + "=" + previousValue + " and " + key + "="
                            + value + " both set " + libraryName(library) + "'s " + nativeKey
                            + " to different values; keep only one of them");
                }
                rewrites.add(new Rewrite(nativeKey, value, previousValue,
                        "alias " + key + " repeats " + previous + " with the same value", false));
                continue;
            }
            origin.put(nativeKey, key);
            out.put(nativeKey, value);
            if (!nativeKey.equals(key)) {
                rewrites.add(new Rewrite(nativeKey, value, value,
                        "alias " + key + " is " + libraryName(library) + "'s " + nativeKey, false));
            }
        }
        return new Mapped(Collections.unmodifiableMap(out), List.copyOf(rewrites), Map.copyOf(origin));
    }

    /** Numbers compare by value ({@code 50}, {@code 50L} and {@code 50.0} agree); everything else by its text. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return a.toString().equals(b.toString());
            }
        }
        return String.valueOf(a).equals(String.valueOf(b));
    }

    static String libraryName(Library library) {
        return library == Library.XGBOOST ? "XGBoost" : "LightGBM";
    }

    /**
     * Parameters under native names.
     *
     * @param params native name to the caller's value
     * @param rewrites one per renamed or dropped key
     * @param originalKeys native name to the caller's key it came from
     */
    public record Mapped(Map<String, Object> params, List<Rewrite> rewrites, Map<String, String> originalKeys) {
    }
}
