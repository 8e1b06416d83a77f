/**
 * What production code calls: the choke point {@link io.repro4j.harness.Determinism} (estimators, seeds, the strict
 * mode), the {@link io.repro4j.harness.Estimator} and {@link io.repro4j.harness.Dataset} it works on, and the
 * {@link io.repro4j.harness.RunRecorder} that writes a run's snapshot tree. Everything in sub-packages is internal.
 */
package io.repro4j.harness;
