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
 * The choke point's work for one call: applies the policy, builds the library's estimator (or prepares a native
 * training) and records the call in the estimator ledger, which is how a {@code @DeterministicTraining} child JVM sees
 * every model its test trained.
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
     * @throws Repro4jException when the policy refuses the parameters or the library is not on the class path;
     *     nothing is recorded then
     */
    public static Estimator create(Library library, Map<String, ?> params, long seed, ProblemKind kind,
            ReproducibilityConfig config, EstimatorLedger ledger) {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ledger, "ledger");
        EstimatorPolicy.PolicyResult policy = EstimatorPolicy.apply(library, params, seed, kind, config);
        Estimator estimator = LibraryAdapters.estimator(library, policy.effectiveParams(), policy.rounds(), kind);
        record(LedgerEntry.EntryPoint.CREATE_ESTIMATOR, library, kind, params, policy, config, ledger,
                TrainedModel.of(estimator));
        return estimator;
    }

    /**
     * Starts a training the caller's own code runs: checks that the library is present (and loads LightGBM's
     * natives), applies the policy without a problem kind (the caller names the objective) and records a ledger
     * entry whose model the caller records once trained.
     *
     * @param requested the caller's parameters, as the ledger shows them
     * @param policyInput what the policy is applied to: {@code requested}, or with the round count the call itself
     *     takes ({@code XGBoost.train}'s {@code rounds})
     * @throws Repro4jException when the library is missing or the policy refuses the parameters; nothing is
     *     recorded then
     */
    public static NativeRun startNative(LedgerEntry.EntryPoint entryPoint, Library library, Map<String, ?> requested,
            Map<String, ?> policyInput, long seed, ReproducibilityConfig config, EstimatorLedger ledger) {
        return startNative(entryPoint, library, requested, policyInput, seed, null, config, ledger);
    }

    /**
     * {@link #startNative(LedgerEntry.EntryPoint, Library, Map, Map, long, ReproducibilityConfig, EstimatorLedger)} for
     * a training spread over {@code numWorkers} workers (XGBoost4J-Spark): the policy also fixes {@code num_workers}
     * and turns off forced repartitioning ({@link EstimatorPolicy#apply(Library, Map, long, ProblemKind, Integer,
     * ReproducibilityConfig)}).
     *
     * @param numWorkers the number of workers, or {@code null} for a training in this JVM
     */
    public static NativeRun startNative(LedgerEntry.EntryPoint entryPoint, Library library, Map<String, ?> requested,
            Map<String, ?> policyInput, long seed, Integer numWorkers, ReproducibilityConfig config,
            EstimatorLedger ledger) {
        Objects.requireNonNull(entryPoint, "entryPoint");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(policyInput, "policyInput");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ledger, "ledger");
        LibraryAdapters.prepareNative(library);
        EstimatorPolicy.PolicyResult policy = EstimatorPolicy.apply(library, policyInput, seed, null, numWorkers,
                config);
        RecordedModel model = new RecordedModel();
        LedgerEntry entry = record(entryPoint, library, null, requested, policy, config, ledger, model);
        return new NativeRun(policy, entry, model);
    }

    /**
     * A native training in progress.
     *
     * @param policy the parameters the library is to be given
     * @param entry its ledger entry
     * @param model where its model digest goes once trained
     */
    public record NativeRun(EstimatorPolicy.PolicyResult policy, LedgerEntry entry, RecordedModel model) {
    }

    private static LedgerEntry record(LedgerEntry.EntryPoint entryPoint, Library library, ProblemKind kind,
            Map<String, ?> requested, EstimatorPolicy.PolicyResult policy, ReproducibilityConfig config,
            EstimatorLedger ledger, TrainedModel model) {
        LedgerEntry entry = ledger.record(entryPoint, library, kind, config.mode(), policy.seed(), requested,
                policy.effectiveParams(), policy.rewrites(), model);
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
        return entry;
    }
}
