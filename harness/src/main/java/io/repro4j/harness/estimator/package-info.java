/**
 * The choke point's machinery: the policy that rewrites parameters per library and mode, the aliases that port
 * parameters between libraries, the ledger that records every call, and the XGBoost4J and LightGBM adapters.
 */
package io.repro4j.harness.estimator;
