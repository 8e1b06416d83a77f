/**
 * What production code calls: the choke point {@link io.repro4j.harness.Determinism} (estimators, native trainings,
 * seeds, the strict mode), the {@link io.repro4j.harness.Estimator} and {@link io.repro4j.harness.Dataset} it works on,
 * the {@link io.repro4j.harness.NativeTraining} for code that keeps a library's own API, and the
 * {@link io.repro4j.harness.RunRecorder} that writes a run's snapshot tree. {@code io.repro4j.harness.xgboost} holds
 * the public {@code DeterministicXGBoost}; everything in the other sub-packages is internal.
 */
package io.repro4j.harness;
