package io.repro4j.harness.estimator;

import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The choke point's work for one call: applies the policy, builds the library's estimator and records the call in the
 * estimator ledger, which is how a {@code @DeterministicTraining} child JVM sees every estimator its test built.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EstimatorFactory {
    private static final System.Logger LOG = System.getLogger(EstimatorFactory.class.getName());

    private EstimatorFactory() {
    }

    /** {@link #create(Library, Map, long, ProblemKind, ReproducibilityConfig, EstimatorLedger)} into the global ledger. */
    public static Estimator create(Library library, Map<String, ?> params, long seed, ProblemKind kind,
            ReproducibilityConfig config) {
        return create(library, params, seed, kind, config, EstimatorLedger.global());
    }

    /**
     * Builds an estimator the way {@link io.repro4j.harness.Determinism#createEstimator} does, recording into
     * {@code ledger}. In strict mode each rewrite marked as a warning (a GPU request, an explicit thread count) is
     * logged at {@code WARNING} through {@link System.Logger}.
     *
     * @throws Repro4jException when the policy refuses the parameters; nothing is recorded then
     */
    public static Estimator create(Library library, Map<String, ?> params, long seed, ProblemKind kind,
            ReproducibilityConfig config, EstimatorLedger ledger) {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ledger, "ledger");
        EstimatorPolicy.PolicyResult policy = EstimatorPolicy.apply(library, params, seed, kind, config);
        Estimator estimator = library == Library.XGBOOST
                ? new XGBoostEstimator(policy.effectiveParams(), policy.rounds(), kind)
                : new LightGbmEstimator(policy.effectiveParams(), policy.rounds(), kind);
        long effectiveSeed = ((Number) policy.effectiveParams().get("seed")).longValue();
        LedgerEntry entry = ledger.record(library, kind, config.mode(), effectiveSeed, params,
                policy.effectiveParams(), policy.rewrites(), estimator);
        if (config.isStrict()) {
            for (Rewrite r : policy.rewrites()) {
                if (r.warning()) {
                    LOG.log(System.Logger.Level.WARNING, () -> ParamAliases.libraryName(library) + " parameter "
                            + r.key() + "=" + r.requested() + " became " + (r.effective() == null ? "unset"
                                    : r.key() + "=" + r.effective()) + ": " + r.reason() + " (at " + entry.callSite()
                            + ")");
                }
            }
        }
        return estimator;
    }
}
