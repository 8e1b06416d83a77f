/**
 * An example training pipeline a quant team might have: a synthetic 5-minute market, features, targets, and a
 * {@link io.repro4j.examples.Trainer} that builds its models through {@code Determinism.createEstimator}, as
 * production code does. The model tests under {@code src/test} check it with {@code @DeterministicTraining}.
 */
package io.repro4j.examples;
