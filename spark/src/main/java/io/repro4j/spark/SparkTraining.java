package io.repro4j.spark;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.Library;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.estimator.EstimatorFactory;
import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.estimator.EstimatorPolicy;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.estimator.ParamAliases;
import io.repro4j.harness.strict.StrictGuard;
import io.repro4j.harness.xgboost.DeterministicXGBoost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import ml.dmlc.xgboost4j.java.XGBoostError;
import ml.dmlc.xgboost4j.scala.spark.XGBoostModel;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apiguardian.api.API;

/**
 * One XGBoost4J-Spark estimator between {@code DeterministicSpark.xgboost…} and {@code DeterministicSpark.fit}: its
 * ledger entry, the policy's parameters, and the checks before it trains.
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
final class SparkTraining {
    private static final System.Logger LOG = System.getLogger(SparkTraining.class.getName());
    /** By identity: XGBoost4J-Spark gives every estimator built without a uid the same one. */
    private static final Map<Params, SparkTraining> BY_ESTIMATOR = Collections.synchronizedMap(new WeakHashMap<>());

    static {
        EstimatorLedger.registerEntryPoints(SparkTraining.class);
    }
    /** What the policy fixes; changing one on the estimator afterwards is refused. */
    private static final List<String> FIXED = List.of("seed", "seed_per_iteration", EstimatorPolicy.WORKERS_KEY,
            EstimatorPolicy.FORCE_REPARTITION_KEY, "nthread", "device", "tree_method");

    private final LedgerEntry.EntryPoint entryPoint;
    private final EstimatorFactory.NativeRun run;
    private final int numWorkers;
    private final ReproducibilityConfig config;

    private SparkTraining(LedgerEntry.EntryPoint entryPoint, EstimatorFactory.NativeRun run, int numWorkers,
            ReproducibilityConfig config) {
        this.entryPoint = entryPoint;
        this.run = run;
        this.numWorkers = numWorkers;
        this.config = config;
    }

    /**
     * Applies the policy, records the ledger entry and builds the estimator with the effective parameters.
     *
     * @param blank builds an estimator with the library's defaults, to learn its parameter names and round count
     * @param build builds the estimator from XGBoost-style parameters (XGBoost4J-Spark's own conversion)
     */
    static <E extends Params> E start(LedgerEntry.EntryPoint entryPoint, Map<String, ?> params, long seed,
            int numWorkers, Supplier<E> blank, Function<scala.collection.immutable.Map<String, Object>, E> build) {
        requireWorkers(numWorkers);
        Map<String, ?> requested = params == null ? Map.of() : params;
        ReproducibilityConfig config = Determinism.loadReproducibilityConfig();
        StrictGuard.ensure(config);
        E defaults = blank.get();
        Map<String, Object> policyInput = new LinkedHashMap<>(requested);
        boolean roundsGiven = requested.keySet().stream()
                .anyMatch(k -> ParamAliases.nativeName(Library.XGBOOST, k).equals(ParamAliases.XGBOOST_ROUNDS));
        if (!roundsGiven) {
            // XGBoost4J-Spark's own default, made explicit so the hyper-parameter signature covers it.
            policyInput.put(ParamAliases.XGBOOST_ROUNDS, valueOf(defaults, param(defaults, "numRound")));
        }
        // Before anything is recorded: every name the policy will pass on (the caller's, under native names; the
        // policy's own are all XGBoost4J-Spark parameters) must be one XGBoost4J-Spark knows.
        List<String> unknown = new ArrayList<>();
        ParamAliases.map(Library.XGBOOST, policyInput).params().forEach((k, v) -> {
            // GPU requests are the policy's to rewrite (strict) or record (best effort), not unknown names.
            if (param(defaults, k) == null && !EstimatorPolicy.isGpuRequest(k, v)) {
                unknown.add(k + "=" + v);
            }
        });
        if (!unknown.isEmpty()) {
            throw new Repro4jException(entryPoint.call() + ": " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? " is not a parameter" : " are not parameters") + " of "
                    + defaults.getClass().getSimpleName()
                    + " (XGBoost4J-Spark would ignore " + (unknown.size() == 1 ? "it" : "them") + " without a word);"
                    + " use XGBoost's parameter names, e.g. max_depth, eta, num_round, subsample");
        }
        EstimatorFactory.NativeRun run = EstimatorFactory.startNative(entryPoint, Library.XGBOOST, requested,
                policyInput, seed, numWorkers, config, EstimatorLedger.global());
        scala.collection.immutable.Map<String, Object> xgboostParams = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<String, Object> e : run.policy().effectiveParams().entrySet()) {
            Param<?> p = param(defaults, e.getKey());
            if (p != null) {
                xgboostParams = xgboostParams.$plus(new scala.Tuple2<>(p.name(), e.getValue()));
            }
        }
        E estimator = build.apply(xgboostParams);
        BY_ESTIMATOR.put(estimator, new SparkTraining(entryPoint, run, numWorkers, config));
        return estimator;
    }

    /** The training of an estimator built by {@code DeterministicSpark}. */
    static SparkTraining of(Params estimator) {
        SparkTraining training = estimator == null ? null : BY_ESTIMATOR.get(estimator);
        if (training == null) {
            String kind = estimator == null ? "null estimator" : estimator.getClass().getSimpleName();
            throw new Repro4jException("DeterministicSpark.fit got a " + kind + " that DeterministicSpark did not"
                    + " build (a copy(…) is a new estimator), so no policy was applied to it: build it with"
                    + " DeterministicSpark." + (kind.contains("Classifier") ? "xgboostClassifier" : "xgboostRegressor")
                    + "(params, seed, numWorkers)");
        }
        return training;
    }

    static void requireWorkers(int numWorkers) {
        if (numWorkers < 1) {
            throw new Repro4jException("numWorkers = " + numWorkers + " must be at least 1: the number of XGBoost"
                    + " workers, and of partitions of a canonical training set");
        }
    }

    /**
     * The checks before training: policy settings unchanged, the master, and in strict mode the layout; then Spark's
     * facts into the environment fingerprint.
     */
    private void beforeFit(Params estimator, Dataset<Row> data) {
        List<String> changed = new ArrayList<>();
        Map<String, Object> effective = run.policy().effectiveParams();
        for (String key : FIXED) {
            if (!effective.containsKey(key)) {
                continue;
            }
            Param<?> p = param(estimator, key);
            Object now = p == null ? null : valueOf(estimator, p);
            if (!String.valueOf(effective.get(key)).equals(String.valueOf(now))) {
                changed.add(key + " is " + now + " instead of " + effective.get(key));
            }
        }
        if (!changed.isEmpty()) {
            throw new Repro4jException("DeterministicSpark.fit: " + String.join(", ", changed) + " on the estimator "
                    + entryPoint.call() + " built at " + run.entry().callSite() + ": put parameters into the map"
                    + " given to " + entryPoint.call() + " instead of setting them on the estimator afterwards");
        }
        SparkSessions.checkMaster(data.sparkSession(), config);
        int partitions = data.rdd().getNumPartitions();
        if (partitions != numWorkers) {
            String message = "DeterministicSpark.fit: the training set has " + partitions + " partitions but the"
                    + " estimator built at " + run.entry().callSite() + " trains with numWorkers = " + numWorkers
                    + ", so which rows each worker gets depends on how Spark split the data; lay it out with"
                    + " DeterministicSpark.canonical(data, " + numWorkers + ", keyColumns…) first";
            if (config.isStrict()) {
                throw new Repro4jException(message);
            }
            LOG.log(System.Logger.Level.WARNING, message);
        }
        SparkSessions.recordEnvironment(data.sparkSession());
    }

    /** The checks, the training by {@code train} (the estimator's own {@code fit}), the booster's digest. */
    <M extends XGBoostModel<M>> M fit(Params estimator, Dataset<Row> data, Function<Dataset<Row>, M> train) {
        beforeFit(estimator, data);
        M model = train.apply(data);
        try {
            run.model().record(DeterministicXGBoost.modelSha256(model.nativeBooster().booster()));
        } catch (XGBoostError e) {
            throw new Repro4jException("cannot read the trained booster's model bytes: " + e.getMessage(), e);
        }
        return model;
    }

    /** The estimator's parameter for an XGBoost name, matched as XGBoost4J-Spark matches it (snake or camel case). */
    static Param<?> param(Params estimator, String name) {
        String camel = camelCase(name);
        String snake = snakeCase(name);
        for (Param<?> p : estimator.params()) {
            if (p.name().equals(name) || p.name().equals(camel) || p.name().equals(snake)) {
                return p;
            }
        }
        return null;
    }

    private static <T> T valueOf(Params estimator, Param<T> param) {
        return estimator.getOrDefault(param);
    }

    static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
