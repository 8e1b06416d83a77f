/**
 * The choke point's machinery: the policy that rewrites parameters per library and mode, the aliases that port
 * parameters between libraries, the ledger that records every training entry point call, the life cycle the library
 * adapters share and the lazy loading that keeps each library optional.
 */
package io.repro4j.harness.estimator;
