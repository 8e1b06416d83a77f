package io.repro4j.harness.spi;

import io.repro4j.harness.Estimator;
import io.repro4j.harness.estimator.LedgerEntry;
import org.apiguardian.api.API;

/**
 * Sees every estimator {@link io.repro4j.harness.Determinism#createEstimator} builds, after the policy was applied
 * and the call was recorded. The JUnit extension installs one inside each child JVM.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
@FunctionalInterface
public interface EstimatorInterceptor {

    /**
     * Returns the estimator to hand to the caller: {@code estimator} itself, a wrapper around it, or throws to
     * refuse the call (the exception reaches the caller of {@code createEstimator}).
     *
     * @param entry the ledger entry of this call; its {@code estimator} is the one about to be returned
     * @param estimator the estimator the library adapter built
     */
    Estimator intercept(LedgerEntry entry, Estimator estimator);
}
