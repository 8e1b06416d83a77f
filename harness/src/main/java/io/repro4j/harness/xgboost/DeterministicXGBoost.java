package io.repro4j.harness.xgboost;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.Library;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.estimator.EstimatorFactory;
import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.estimator.ParamAliases;
import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.strict.StrictGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.IEvaluation;
import ml.dmlc.xgboost4j.java.IObjective;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apiguardian.api.API;

/**
 * XGBoost4J's own {@code XGBoost.train} through the choke point: for each overload a twin with the same arguments
 * followed by the seed, returning the library's real {@link Booster}. Code that trains with XGBoost4J keeps its
 * {@code DMatrix} (dense or CSR, missing value, weights, base margins, groups), objectives, watches, early stopping
 * and custom objectives or evaluations, and changes one call:
 *
 * <pre>{@code
 * Booster booster = XGBoost.train(train, params, 200, watches, metrics, null, null, 10);
 * // becomes
 * Booster booster = DeterministicXGBoost.train(train, params, 200, watches, metrics, null, null, 10, seed);
 * }</pre>
 *
 * <p>Each call applies the configured mode's policy to {@code params} (the table of
 * {@link Determinism#createEstimator}: strict mode trains with {@code device=cpu}, {@code tree_method=hist},
 * {@code nthread=1}; both modes set {@code seed} and {@code seed_per_iteration}; GPU requests are rewritten and
 * recorded), records the call in the estimator ledger (requested and effective parameters, rewrites, call site),
 * trains with XGBoost4J, records the SHA-256 of the booster's model bytes ({@code toByteArray("ubj")}) as the run's
 * {@code model_sha256} and returns the booster untouched. The caller's map is never modified. No problem kind is
 * needed: the objective is the caller's (or XGBoost's default). Supported: {@code ml.dmlc:xgboost4j_2.12} 2.1.4 to
 * 3.4.0, whose model bytes differ from version to version.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DeterministicXGBoost {

    private DeterministicXGBoost() {
    }

    /**
     * {@code XGBoost.train(dtrain, params, rounds, watches, obj, eval)} with the policy applied.
     *
     * @param seed the train seed (normalised into {@code [1, 2^31 - 2]}), e.g. {@code TrainingRun.seed()} or
     *     {@link Determinism#resolveSeed(String, String, String, String)}
     * @throws io.repro4j.harness.strict.StrictEnvironmentException in strict mode (with
     *     {@code strict.require_env_vars: true}) when this JVM was not started in the strict environment
     * @throws io.repro4j.harness.Repro4jException when strict mode is configured to fail on a GPU request, or a
     *     parameter is invalid
     * @throws XGBoostError when XGBoost fails, as {@code XGBoost.train} would
     */
    public static Booster train(DMatrix dtrain, Map<String, ?> params, int rounds, Map<String, DMatrix> watches,
            IObjective obj, IEvaluation eval, long seed) throws XGBoostError {
        Training training = start(params, rounds, seed);
        return training.trained(XGBoost.train(dtrain, training.boosterParams(), rounds, watches, obj, eval));
    }

    /**
     * {@code XGBoost.train(dtrain, params, rounds, watches, metrics, obj, eval, earlyStoppingRounds)} with the policy
     * applied: early stopping keeps every tree and records {@code best_iteration}, as the library does.
     *
     * @param seed the train seed (normalised into {@code [1, 2^31 - 2]})
     * @throws io.repro4j.harness.strict.StrictEnvironmentException in strict mode (with
     *     {@code strict.require_env_vars: true}) when this JVM was not started in the strict environment
     * @throws io.repro4j.harness.Repro4jException when strict mode is configured to fail on a GPU request, or a
     *     parameter is invalid
     * @throws XGBoostError when XGBoost fails, as {@code XGBoost.train} would
     */
    public static Booster train(DMatrix dtrain, Map<String, ?> params, int rounds, Map<String, DMatrix> watches,
            float[][] metrics, IObjective obj, IEvaluation eval, int earlyStoppingRounds, long seed)
            throws XGBoostError {
        Training training = start(params, rounds, seed);
        return training.trained(XGBoost.train(dtrain, training.boosterParams(), rounds, watches, metrics, obj, eval,
                earlyStoppingRounds));
    }

    /**
     * {@code XGBoost.train(dtrain, params, rounds, watches, metrics, obj, eval, earlyStoppingRounds, booster)} with
     * the policy applied: continues training {@code booster} (or starts one when it is {@code null}).
     *
     * @param seed the train seed (normalised into {@code [1, 2^31 - 2]})
     * @throws io.repro4j.harness.strict.StrictEnvironmentException in strict mode (with
     *     {@code strict.require_env_vars: true}) when this JVM was not started in the strict environment
     * @throws io.repro4j.harness.Repro4jException when strict mode is configured to fail on a GPU request, or a
     *     parameter is invalid
     * @throws XGBoostError when XGBoost fails, as {@code XGBoost.train} would
     */
    public static Booster train(DMatrix dtrain, Map<String, ?> params, int rounds, Map<String, DMatrix> watches,
            float[][] metrics, IObjective obj, IEvaluation eval, int earlyStoppingRounds, Booster booster, long seed)
            throws XGBoostError {
        Training training = start(params, rounds, seed);
        return training.trained(XGBoost.train(dtrain, training.boosterParams(), rounds, watches, metrics, obj, eval,
                earlyStoppingRounds, booster));
    }

    /** The strict guard, then the policy and the ledger entry; the rounds argument is what the ledger records. */
    private static Training start(Map<String, ?> params, int rounds, long seed) {
        Map<String, ?> requested = params == null ? Map.of() : params;
        ReproducibilityConfig config = Determinism.loadReproducibilityConfig();
        StrictGuard.ensure(config);
        // XGBoost.train reads its rounds argument, never a round count in the map: the argument is what trains.
        Map<String, Object> policyInput = new LinkedHashMap<>();
        requested.forEach((k, v) -> {
            if (!ParamAliases.nativeName(Library.XGBOOST, k).equals(ParamAliases.XGBOOST_ROUNDS)) {
                policyInput.put(k, v);
            }
        });
        policyInput.put(ParamAliases.XGBOOST_ROUNDS, rounds);
        EstimatorFactory.NativeRun run = EstimatorFactory.startNative(LedgerEntry.EntryPoint.XGBOOST_TRAIN,
                Library.XGBOOST, requested, policyInput, seed, config, EstimatorLedger.global());
        return new Training(run);
    }

    /** One call between the policy and the trained booster. */
    private record Training(EstimatorFactory.NativeRun run) {

        /** The policy's parameters without the round count, which is an argument of train, not a booster parameter. */
        Map<String, Object> boosterParams() {
            return XGBoostEstimator.boosterParams(run.policy().effectiveParams());
        }

        Booster trained(Booster booster) throws XGBoostError {
            Objects.requireNonNull(booster, "XGBoost.train returned no booster");
            run.model().record(modelSha256(booster));
            return booster;
        }
    }

    /**
     * The SHA-256 of a booster's model bytes in XGBoost's default format, UBJSON (no run parameters in it): what
     * repro4j records as the {@code model_sha256} of a booster trained by XGBoost4J or XGBoost4J-Spark.
     *
     * @throws XGBoostError when XGBoost cannot serialise the booster
     */
    @API(status = API.Status.INTERNAL, since = "0.2.0")
    public static String modelSha256(Booster booster) throws XGBoostError {
        return Sha256.hex(booster.toByteArray("ubj"));
    }
}
